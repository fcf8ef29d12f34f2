namespace SupportBot.Web.Sentiment;

/// <summary>The <c>Sentiment</c> section: which analyzer reads the customer's feelings.</summary>
public sealed class SentimentOptions
{
    public const string Section = "Sentiment";

    /// <summary><see cref="SentimentProvider.Local"/> (the embedded default, no key) or <see cref="SentimentProvider.AzureLanguage"/>.</summary>
    public SentimentProvider Provider { get; set; } = SentimentProvider.Local;

    /// <summary>The Azure AI Language resource endpoint, e.g. <c>https://contoso-lang.cognitiveservices.azure.com</c>.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The resource key. Empty: Entra ID (the app's managed identity or developer sign-in). Set it from the environment (<c>Sentiment__Key</c>).</summary>
    public string Key { get; set; } = string.Empty;

    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>The documents' language (ISO 639-1); empty lets the service assume English.</summary>
    public string Language { get; set; } = "en";

    /// <summary>How long a turn waits for the service before it goes on with the local analyzer.</summary>
    public int TimeoutMilliseconds { get; set; } = 1500;

    /// <summary>Failed requests in a row that open the circuit (the local analyzer answers alone for <see cref="BreakSeconds"/>).</summary>
    public int FailuresToBreak { get; set; } = 5;

    public int BreakSeconds { get; set; } = 30;
}
