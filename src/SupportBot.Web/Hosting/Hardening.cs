using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

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

/// <summary>Rate limits, security headers and the content security policy for the pages SupportBot serves.</summary>
public static class Hardening
{
    /// <summary>The policy for endpoints a browser calls: per client address.</summary>
    public const string PerAddress = "per-address";

    // Web Chat and our pages use inline styles and the console one inline script; everything else comes from this
    // server (the widget bundle too), and the chat's socket goes back to it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
        "media-src 'self' blob:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PerConversationPer10Seconds > 0 && o.PerAddressPerMinute > 0, "RateLimits: both limits must be above 0.")
            .ValidateOnStart();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PerAddress, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.PerAddressPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>Security headers on every answer; the content security policy on HTML pages.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XFrameOptions = "SAMEORIGIN";
                }

                return Task.CompletedTask;
            });
            await next(http).ConfigureAwait(false);
        });
}

/// <summary>
/// A fixed window per conversation: a conversation that sends more than the limit in 10 seconds gets 429 with
/// Retry-After. Counting is a lock-free increment; windows of conversations that went quiet are swept away.
/// </summary>
public sealed class ConversationRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private static readonly long WindowTicks = TimeSpan.FromSeconds(10).Ticks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
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
