namespace SupportBot.Web.Hosting;

/// <summary>The <c>RateLimits</c> section: how much one conversation and one client address may send.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Messages one conversation may send per 10 seconds (a person types far fewer; a runaway client is stopped).</summary>
    public int PerConversationPer10Seconds { get; set; } = 30;

    /// <summary>Requests one client address may make per minute to the browser-facing endpoints (Direct Line, tokens, sign-in).</summary>
    public int PerAddressPerMinute { get; set; } = 600;
}
