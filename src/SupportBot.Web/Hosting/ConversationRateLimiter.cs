using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SupportBot.Web.Hosting;

/// <summary>
/// A fixed window per conversation: a conversation that sends more than the limit in 10 seconds gets 429 with
/// Retry-After. Counting is a lock-free increment; windows of conversations that went quiet are swept away.
/// </summary>
public sealed class ConversationRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private static readonly long WindowTicks = TimeSpan.FromSeconds(10).Ticks;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Null when the conversation may go on; otherwise the seconds to wait.</summary>
    public int? TryAcquire(string channelId, string conversationId)
    {
        var now = time.GetUtcNow().UtcTicks;
        var start = now - (now % WindowTicks);
        var window = _windows.GetOrAdd($"{channelId}/{conversationId}", static (_, s) => new Window(s), start);
        if (Interlocked.Read(ref window.Start) != start)
        {
            lock (window)
            {
                if (window.Start != start)
                {
                    window.Count = 0;
                    Interlocked.Exchange(ref window.Start, start);
                }
            }
        }

        Sweep(now, start);
        return Interlocked.Increment(ref window.Count) <= options.Value.PerConversationPer10Seconds
            ? null
            : Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(start + WindowTicks - now).TotalSeconds));
    }

    /// <summary>Writes the Retry-After header for a refusal.</summary>
    public static void SetRetryAfter(HttpContext http, int seconds) =>
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

    // Once per window, drop the windows that ended before the current one.
    private void Sweep(long now, long start)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, start + WindowTicks, next) != next)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (Interlocked.Read(ref window.Start) < start)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed class Window(long start)
    {
        public long Start = start;
        public int Count;
    }
}
