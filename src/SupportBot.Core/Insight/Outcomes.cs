namespace SupportBot.Core.Insight;

/// <summary>How a conversation stands, and what followed a prompt on the customer's next turn.</summary>
public static class Outcomes
{
    /// <summary>The conversation went to a person.</summary>
    public const string Handoff = "handoff";

    /// <summary>The customer said it was sorted, without a person.</summary>
    public const string Resolved = "resolved";

    /// <summary>Neither (yet): still going, or the customer left.</summary>
    public const string Open = "open";

    /// <summary>The customer answered the prompt and the conversation moved on.</summary>
    public const string Answered = "answered";

    /// <summary>The bot had to ask again (the same prompt, its retry, or a narrower question).</summary>
    public const string Retried = "retried";

    /// <summary>No customer turn followed.</summary>
    public const string Left = "left";

    /// <summary>The customer asked for a person.</summary>
    public const string Person = "person";
}
