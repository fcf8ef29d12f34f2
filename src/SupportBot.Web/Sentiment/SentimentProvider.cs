namespace SupportBot.Web.Sentiment;

/// <summary>Which analyzer reads the customer's feelings (<c>Sentiment:Provider</c>, any casing).</summary>
public enum SentimentProvider
{
    /// <summary>The embedded analyzer: no key, no network. The default.</summary>
    Local,

    /// <summary>Azure AI Language, with the local analyzer answering whenever the service cannot.</summary>
    AzureLanguage,
}
