using System.Net;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Hosting;

/// <summary>
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> over real HTTP: believed from a proxy in
/// <c>Hosting:KnownProxies</c> (the console's cookie is then <c>Secure</c>, and each forwarded client has its own
/// per-address limit), ignored from anyone else, loopback included.
/// </summary>
public sealed class TrustedProxyTests
{
    [Fact]
    public async Task ThroughAConfiguredProxy_ForwardedHttpsSignIn_GetsASecureCookie_AndEachClientItsOwnLimit()
    {
        await using var host = await StartAsync(proxy: "127.0.0.1");

        var cookie = await SignInCookieAsync(host);
        var (first, other) = await TokensAsync(host);

        Assert.Contains("secure", cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.Contains("samesite=strict", cookie.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other); // another client behind the same proxy has a limit of its own
    }

    [Theory]
    [InlineData(null)] // the default: nothing forwarded is believed, loopback neither
    [InlineData("10.0.0.4")] // a proxy elsewhere: a direct client's headers are not believed
    public async Task FromAClientThatIsNoConfiguredProxy_ForwardedHeadersAreIgnored(string? proxy)
    {
        await using var host = await StartAsync(proxy);

        var cookie = await SignInCookieAsync(host);
        var (first, other) = await TokensAsync(host);

        // The sign-in "for 198.51.100.20" already counted against the one address they all come from: 127.0.0.1.
        Assert.DoesNotContain("secure", cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.TooManyRequests, other); // a claimed address is no way round the limit
    }

    private static Task<BotHost> StartAsync(string? proxy)
    {
        var settings = AgentClient.Accounts();
        settings["RateLimits:PerAddressPerMinute"] = "3";
        if (proxy is not null)
        {
            settings["Hosting:KnownProxies:0"] = proxy;
        }

        return BotHost.StartAsync(settings: settings);
    }

    /// <summary>Signs in as an HTTPS client through the proxy would; the session cookie's Set-Cookie line.</summary>
    private static async Task<string> SignInCookieAsync(BotHost host)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "agent/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "alex", ["password"] = AgentClient.Password }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("supportbot.agent=", StringComparison.Ordinal));
    }

    /// <summary>Four token requests forwarded for one client (limit 3 a minute), then one for another client.</summary>
    private static async Task<(List<HttpStatusCode> First, HttpStatusCode Other)> TokensAsync(BotHost host)
    {
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            first.Add(await TokenAsync(host, "203.0.113.7"));
        }

        return (first, await TokenAsync(host, "203.0.113.8"));
    }

    private static async Task<HttpStatusCode> TokenAsync(BotHost host, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "directline/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await host.Client.SendAsync(request);
        return response.StatusCode;
    }
}
