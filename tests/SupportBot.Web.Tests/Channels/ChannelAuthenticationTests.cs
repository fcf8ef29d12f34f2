using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Channels;

/// <summary>
/// Channel authentication on <c>/api/messages</c> with a configured app id, offline: a signing key the test owns,
/// published by OpenID metadata on 127.0.0.1; tokens for the Bot Connector from a fake token endpoint.
/// </summary>
public sealed class ChannelAuthenticationTests
{
    [Fact]
    public async Task ValidToken_IsAccepted_AndRepliesCarryTheBotsOwnConnectorToken()
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        var conversationId = TestActivities.NewConversationId();

        using var first = await PostAsync(host, TestActivities.Message(conversationId, "hi", connector.ServiceUrl), "Bearer " + identity.Token(connector.ServiceUrl));
        using var second = await PostAsync(host, TestActivities.Message(conversationId, "my parcel never arrived", connector.ServiceUrl), "Bearer " + identity.Token(connector.ServiceUrl));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        var replies = await connector.WaitForRequestsAsync(3);
        Assert.All(replies, r => Assert.Equal("Bearer " + identity.AccessToken, r.Headers["Authorization"]));
        Assert.Equal(1, identity.TokenRequests); // cached, not fetched per reply
        Assert.Equal(FakeIdentity.AppId, identity.LastTokenRequest!["client_id"]);
        Assert.Equal(FakeIdentity.AppPassword, identity.LastTokenRequest["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", identity.LastTokenRequest["scope"]);
        Assert.Equal("client_credentials", identity.LastTokenRequest["grant_type"]);
        Assert.Equal(1, identity.KeyRequests); // keys cached too
    }

    public static TheoryData<string> Refusals => new()
    {
        "no header", "not bearer", "malformed", "expired", "not yet valid", "wrong audience", "wrong issuer", "bad signature",
        "unknown key", "serviceUrl mismatch", "alg none", "alg HS256", "exp a string", "exp beyond any date", "aud a number", "payload an array",
    };

    private static JsonObject Claims(string serviceUrl, DateTimeOffset now, JsonNode? exp = null, JsonNode? aud = null) => new()
    {
        ["iss"] = FakeIdentity.Issuer,
        ["aud"] = aud ?? FakeIdentity.AppId,
        ["serviceurl"] = serviceUrl,
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = exp ?? now.AddMinutes(30).ToUnixTimeSeconds(),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task BadToken_Is401_AndTouchesNoState(string refusal)
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        var conversationId = TestActivities.NewConversationId();
        var serviceUrl = connector.ServiceUrl;
        var now = DateTimeOffset.UtcNow;
        using var otherKey = RSA.Create(2048);
        var header = refusal switch
        {
            "no header" => null,
            "not bearer" => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot:secret")),
            "malformed" => "Bearer not.a.jwt!",
            "expired" => "Bearer " + identity.Token(serviceUrl, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6)),
            "not yet valid" => "Bearer " + identity.Token(serviceUrl, notBefore: now.AddMinutes(6)),
            "wrong audience" => "Bearer " + identity.Token(serviceUrl, audience: "another-bot"),
            "wrong issuer" => "Bearer " + identity.Token(serviceUrl, issuer: "https://evil.example.com"),
            "bad signature" => "Bearer " + identity.Token(serviceUrl, signWith: otherKey),
            "unknown key" => "Bearer " + identity.Token(serviceUrl, kid: "key-nobody-published", signWith: otherKey),
            "serviceUrl mismatch" => "Bearer " + identity.Token("https://evil.example.com/"),
            "alg none" => "Bearer " + Unsigned("none"),
            "exp a string" => "Bearer " + identity.Sign(Claims(serviceUrl, now, exp: "tomorrow")),
            "exp beyond any date" => "Bearer " + identity.Sign(Claims(serviceUrl, now, exp: long.MaxValue / 2)),
            "aud a number" => "Bearer " + identity.Sign(Claims(serviceUrl, now, aud: 42)),
            "payload an array" => "Bearer " + identity.Sign("[1,2]"),
            _ => "Bearer " + Unsigned("HS256"),
        };

        using var response = await PostAsync(host, TestActivities.Message(conversationId, "hi", serviceUrl), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId));
        Assert.Empty(connector.Requests);
    }

    [Fact]
    public async Task Token_WithinClockSkew_IsAccepted()
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", "https://smba.trafficmanager.net/emea/");
        activity["deliveryMode"] = "expectReplies";
        var now = DateTimeOffset.UtcNow;

        using var response = await PostAsync(host, activity, "Bearer " + identity.Token("https://smba.trafficmanager.net/emea/", notBefore: now.AddMinutes(-70), expires: now.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task KeyRollover_ANewKeyMidRunIsFetchedOnce_AndAKeyNotEndorsedForTheChannelIs403()
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
        JsonObject Message(string channel)
        {
            var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", ServiceUrl);
            activity["deliveryMode"] = "expectReplies";
            activity["channelId"] = channel;
            return activity;
        }

        using var before = await PostAsync(host, Message("webtest"), "Bearer " + identity.Token(ServiceUrl));
        identity.AddKey("key-2", ["msteams"]);
        using var rolled = await PostAsync(host, Message("msteams"), "Bearer " + identity.Token(ServiceUrl, kid: "key-2"));
        using var again = await PostAsync(host, Message("msteams"), "Bearer " + identity.Token(ServiceUrl, kid: "key-2"));
        using var notEndorsed = await PostAsync(host, Message("webchat"), "Bearer " + identity.Token(ServiceUrl, kid: "key-2"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rolled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, identity.KeyRequests);
        Assert.Equal(HttpStatusCode.Forbidden, notEndorsed.StatusCode);
    }

    [Fact]
    public async Task KeysUnreachable_TokensAre401_AndTheIssuerIsNotAskedAgainOnEveryRequest()
    {
        await using var identity = await FakeIdentity.StartAsync();
        identity.KeysDown = true;
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", ServiceUrl);
            using var response = await PostAsync(host, activity, "Bearer " + identity.Token(ServiceUrl));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(1, identity.KeyRequests); // a failed fetch backs off instead of being retried per request
    }

    [Fact]
    public async Task BadToken_Is401_BeforeTheBodyIsRead()
    {
        await using var identity = await FakeIdentity.StartAsync();
        await using var host = await BotHost.StartAsync(settings: identity.Settings());
        using var content = new StringContent("{\"type\":\"message\",\"text\":\"" + new string('x', 2_000_000) + "\"}", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", identity.Token("https://evil.example.com/", audience: "another-bot"));

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // not 400 "body too large": the body was never read
        Assert.Contains("not for this bot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAppId_TokensAreNotNeeded_OnlyFromLoopback()
    {
        await using var host = await BotHost.StartAsync();

        var replies = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));

        Assert.NotEmpty(replies);
    }

    private static string Unsigned(string alg)
    {
        static string Part(JsonObject json) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
        var header = Part(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = "key-1" });
        var payload = Part(new JsonObject { ["iss"] = FakeIdentity.Issuer, ["aud"] = FakeIdentity.AppId, ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        return $"{header}.{payload}.{(alg == "none" ? string.Empty : System.Buffers.Text.Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(FakeIdentity.AppId), Encoding.ASCII.GetBytes($"{header}.{payload}"))))}";
    }

    private static async Task<HttpResponseMessage> PostAsync(BotHost host, JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await host.Client.SendAsync(request);
    }
}
