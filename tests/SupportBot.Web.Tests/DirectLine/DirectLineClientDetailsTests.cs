using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.DirectLine;

/// <summary>
/// What a real client on another site meets, over real HTTP and a real WebSocket: Retry-After readable across origins,
/// <c>session/getsessionid</c>, and tokens bound to their <c>trustedOrigins</c>.
/// </summary>
public sealed class DirectLineClientDetailsTests
{
    private const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    private const string Shop = "https://shop.example.com";

    [Fact]
    public async Task TooManyRequests_FromAnotherOrigin_ExposesRetryAfterToTheScript()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Widget:AllowedOrigins:0"] = Shop,
            ["RateLimits:PerConversationPer10Seconds"] = "1",
        });
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        await client.StartAsync(token);

        using var first = await PostFromAsync(host, conversationId, token, Shop, "my parcel is late");
        using var second = await PostFromAsync(host, conversationId, token, Shop, "hello?");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(Shop, second.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", second.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetSessionId_WithTheConversationsToken_IsStableForIt_AndRefusedWithoutOne()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:Secret"] = Secret });
        var client = new DirectLineClient(host);
        var (_, token) = await client.PageTokenAsync("Dana");
        var (_, otherToken) = await client.PageTokenAsync("Lee");
        var (_, refreshed) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token);

        var (status, session) = await client.SendAsync(HttpMethod.Get, "v3/directline/session/getsessionid", token);
        var (_, again) = await client.SendAsync(HttpMethod.Get, "v3/directline/session/getsessionid", refreshed!["token"]!.GetValue<string>());
        var (_, other) = await client.SendAsync(HttpMethod.Get, "v3/directline/session/getsessionid", otherToken);
        var (anonymous, _) = await client.SendAsync(HttpMethod.Get, "v3/directline/session/getsessionid", null);
        var (withSecret, _) = await client.SendAsync(HttpMethod.Get, "v3/directline/session/getsessionid", Secret);

        Assert.Equal(200, status);
        var id = session!["sessionId"]!.GetValue<string>();
        Assert.True(id.Length >= 20, id);
        Assert.Equal(id, again!["sessionId"]!.GetValue<string>());
        Assert.NotEqual(id, other!["sessionId"]!.GetValue<string>());
        Assert.Equal(401, anonymous);
        Assert.Equal(400, withSecret);
    }

    [Fact]
    public async Task TrustedOrigins_BindTheToken_ToThosePagesOnly_ForCallsRefreshAndTheStream()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["DirectLine:Secret"] = Secret,
            ["Widget:AllowedOrigins:0"] = Shop,
        });
        var client = new DirectLineClient(host);
        var (generated, minted) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "dl_shopper", ["name"] = "Dana" },
            ["trustedOrigins"] = new JsonArray("https://Shop.Example.com/"),
        });
        var token = minted!["token"]!.GetValue<string>();
        var conversationId = minted["conversationId"]!.GetValue<string>();

        using var startFromShop = await SendFromAsync(host, HttpMethod.Post, "v3/directline/conversations", token, Shop);
        using var startFromElsewhere = await SendFromAsync(host, HttpMethod.Post, "v3/directline/conversations", token, "https://evil.example.net");
        using var withoutOrigin = await SendFromAsync(host, HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token, origin: null);
        using var sameOriginGet = await SendFromAsync(host, HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", token, origin: null, referer: Shop + "/help?topic=orders");
        using var refreshFromElsewhere = await SendFromAsync(host, HttpMethod.Post, "v3/directline/tokens/refresh", token, "https://evil.example.net");
        using var refreshFromShop = await SendFromAsync(host, HttpMethod.Post, "v3/directline/tokens/refresh", token, Shop);
        var refreshed = JsonNode.Parse(await refreshFromShop.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        using var refreshedElsewhere = await SendFromAsync(host, HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities", refreshed, "https://evil.example.net");
        var streamUrl = JsonNode.Parse(await startFromShop.Content.ReadAsStringAsync())!["streamUrl"]!.GetValue<string>();
        using var reconnect = await SendFromAsync(host, HttpMethod.Get, $"v3/directline/conversations/{conversationId}", token, Shop);
        var secondStreamUrl = JsonNode.Parse(await reconnect.Content.ReadAsStringAsync())!["streamUrl"]!.GetValue<string>();

        var refusedSocket = await Assert.ThrowsAnyAsync<WebSocketException>(() => ConnectFromAsync(streamUrl, "https://evil.example.net"));
        using var socket = await ConnectFromAsync(secondStreamUrl, Shop);

        Assert.Equal(200, generated);
        Assert.Equal(HttpStatusCode.Created, startFromShop.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, startFromElsewhere.StatusCode);
        Assert.Contains("NotAllowed", await startFromElsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameOriginGet.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refreshFromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refreshedElsewhere.StatusCode); // a refreshed token keeps its origins
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.NotNull(refusedSocket);
    }

    [Theory]
    [InlineData("shop.example.com")]
    [InlineData("https://shop.example.com/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:pw@shop.example.com")]
    public async Task TrustedOrigins_ThatAreNotOrigins_AreRefusedWith400(string origin)
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:Secret"] = Secret });
        var (status, body) = await new DirectLineClient(host).SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, new JsonObject
        {
            ["trustedOrigins"] = new JsonArray(origin),
        });

        Assert.Equal(400, status);
        Assert.Contains("trustedOrigins", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostFromAsync(BotHost host, string conversationId, string token, string origin, string text)
    {
        var activity = new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "x" }, ["text"] = text };
        return SendFromAsync(host, HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, origin, body: activity);
    }

    private static async Task<HttpResponseMessage> SendFromAsync(BotHost host, HttpMethod method, string path, string token, string? origin, string? referer = null, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        request.Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await host.Client.SendAsync(request);
    }

    private static async Task<ClientWebSocket> ConnectFromAsync(string streamUrl, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
