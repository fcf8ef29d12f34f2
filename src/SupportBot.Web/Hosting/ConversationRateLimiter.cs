using System.Globalization;
using Microsoft.Extensions.Options;

namespace SupportBot.Web.Hosting;

/// <summary>
/// A fixed window per conversation: a conversation that sends more than the limit in 10 seconds gets 429 with
/// Retry-After.
/// </summary>
public sealed class ConversationRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly FixedWindows _windows = new(TimeSpan.FromSeconds(10), time);

    /// <summary>Null when the conversation may go on; otherwise the seconds to wait.</summary>
    public int? TryAcquire(string channelId, string conversationId) =>
        _windows.TryAcquire($"{channelId}/{conversationId}", options.Value.PerConversationPer10Seconds);

    /// <summary>Writes the Retry-After header for a refusal.</summary>
    public static void SetRetryAfter(HttpContext http, int seconds) =>
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
}
