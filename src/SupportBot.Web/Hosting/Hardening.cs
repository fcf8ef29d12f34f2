using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SupportBot.Web.Hosting;

/// <summary>
/// Rate limits, security headers and the content security policy for the pages SupportBot serves, and the
/// forwarded headers of the proxies named in <c>Hosting</c>.
/// </summary>
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
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section))
            .Validate(o => o.IsValid(), "Hosting:KnownProxies takes IP addresses (10.0.0.4) and Hosting:KnownNetworks CIDR ranges (10.0.0.0/24).")
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

    /// <summary>
    /// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the proxies in <c>Hosting</c>, and from no
    /// one else: the request's address (which the per-address limits and the sign-in throttle count) and scheme
    /// (which makes cookies <c>Secure</c>) are then the client's as the proxy saw them. ASP.NET Core's defaults
    /// believe loopback, and its middleware with no known proxy believes everyone, so with none configured it is
    /// not added at all.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var hosting = app.ApplicationServices.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (!hosting.TrustsProxies)
        {
            return app;
        }

        // ForwardLimit null: a chain of configured proxies is walked back to the first address that is not one of them.
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in hosting.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in hosting.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }

        return app.UseForwardedHeaders(forwarded);
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
