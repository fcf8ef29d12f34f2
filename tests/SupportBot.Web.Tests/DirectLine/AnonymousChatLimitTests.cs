using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.DirectLine;

/// <summary>
/// <c>POST /directline/token</c> over real HTTP with small limits: one address may start
/// <c>DirectLine:AnonymousPerAddressPerHour</c> anonymous conversations an hour, all addresses together
/// <c>DirectLine:AnonymousPerHour</c>; beyond either, 429 with <c>Retry-After</c> and the reason. Tokens the site's
/// server mints with the secret, and the conversations anonymous tokens already have, are not held back.
/// </summary>
public sealed class AnonymousChatLimitTests
{
    private const string Secret = "directline-secret-0123456789-abcdefghijklmnop";

    [Fact]
    public async Task OneAddress_OverItsLimit_Gets429WithRetryAfterAndWhy_UntilTheHourIsOver()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:20:00Z", CultureInfo.InvariantCulture));
        await using var host = await BotHost.StartAsync(
            settings: new Dictionary<string, string> { ["DirectLine:AnonymousPerAddressPerHour"] = "2", ["DirectLine:Secret"] = Secret },
            services: s => s.AddSingleton<TimeProvider>(time));
        var directLine = new DirectLineClient(host);

        var allowed = new[] { await TokenAsync(host), await TokenAsync(host) };
        var (refused, retryAfter, error) = await TokenAsync(host);
        var (signedIn, _) = await directLine.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = "crm-4711" } });
        time.Advance(TimeSpan.FromSeconds(retryAfter!.Value));
        var (nextHour, _, _) = await TokenAsync(host);

        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal(40 * 60, retryAfter); // the clock hour ends at 11:00
        Assert.Equal("TooManyRequests", error!["code"]!.GetValue<string>());
        Assert.Equal("Too many chats were started from your network this hour. Please try again in 40 minutes.", error["message"]!.GetValue<string>());
        Assert.Equal(200, signedIn);
        Assert.Equal(HttpStatusCode.OK, nextHour);
    }

    [Fact]
    public async Task AllAddresses_OverTheCap_Get429_WhileTheConversationsAlreadyGivenStartAndGoOn()
    {
        // Through a trusted proxy, each request is a visitor of its own address.
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:AnonymousPerHour"] = "3",
            ["Hosting:KnownProxies:0"] = "127.0.0.1",
        });
        var directLine = new DirectLineClient(host);

        var given = new List<JsonNode>();
        for (var i = 1; i <= 3; i++)
        {
            given.Add(await AnonymousConversationAsync(host, $"203.0.113.{i}"));
        }

        var (refused, retryAfter, error) = await TokenAsync(host, "203.0.113.4");
        var token = given[0]["token"]!.GetValue<string>();
        var (started, conversation) = await directLine.StartAsync(token);
        var (startedAgain, again) = await directLine.StartAsync(token);
        var (refreshed, _) = await directLine.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token);
        await directLine.PostMessageAsync(given[0]["conversationId"]!.GetValue<string>(), token, "my parcel never arrived");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.InRange(retryAfter!.Value, 1, 3600);
        Assert.StartsWith("So many chats have started this hour that new ones must wait. Please try again in ", error!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(201, started);
        Assert.Equal(200, startedAgain); // a token opens its own conversation only: starting it again is no new one
        Assert.Equal(conversation!["conversationId"]!.GetValue<string>(), again!["conversationId"]!.GetValue<string>());
        Assert.Equal(200, refreshed);
    }

    private static async Task<JsonNode> AnonymousConversationAsync(BotHost host, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "directline/token");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<(HttpStatusCode Status, int? RetryAfter, JsonNode? Error)> TokenAsync(BotHost host, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "directline/token");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await host.Client.SendAsync(request);
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? int.Parse(values.Single(), CultureInfo.InvariantCulture) : (int?)null;
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, retryAfter, response.IsSuccessStatusCode ? null : JsonNode.Parse(body)!["error"]);
    }
}
