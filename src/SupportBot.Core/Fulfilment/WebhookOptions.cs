namespace SupportBot.Core.Fulfilment;

/// <summary>One business system's webhook (<c>Fulfilment:Webhooks:NAME</c>): where actions go and how they are signed.</summary>
public sealed class WebhookOptions
{
    /// <summary>The absolute http(s) URL actions are POSTed to. Empty: the webhook is off, and colleagues carry its actions out.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// The shared secret the body is signed with (HMAC-SHA256), and callbacks are checked with: at least 16 characters.
    /// Set it from the environment (<c>Fulfilment__Webhooks__NAME__Secret</c>), never in a committed file.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>How long one attempt may take before it counts as timed out.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Whether actions go to it (a URL is set).</summary>
    public bool Enabled => Url.Length > 0;

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem(string name)
    {
        if (!Enabled)
        {
            return null;
        }

        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return $"Fulfilment:Webhooks:{name}:Url must be an absolute http(s) URL.";
        }

        if (Secret.Length < 16)
        {
            return $"Fulfilment:Webhooks:{name}:Secret must be at least 16 characters (set it from the environment: Fulfilment__Webhooks__{name}__Secret).";
        }

        return TimeoutSeconds is > 0 and <= 120 ? null : $"Fulfilment:Webhooks:{name}:TimeoutSeconds must be above 0 and at most 120.";
    }
}
