namespace SupportBot.Core.Support;

/// <summary>The <c>Support</c> section: how the support conversation behaves.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>How many further issues the bot collects when it asks "is anything else bothering you?".</summary>
    public int MaxUnderlyingIssues { get; set; } = 3;

    /// <summary>How many remedies are offered at most.</summary>
    public int MaxRemediesOffered { get; set; } = 3;

    /// <summary>The currency (ISO 4217 code) of an amount a customer writes without one ("it cost 89").</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Tries a question gets before the bot hands over to a person instead of asking again.</summary>
    public int MaxAttempts { get; set; } = 3;
}
