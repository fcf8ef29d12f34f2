using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.DirectLine;

/// <summary>The built-in Direct Line 3.0 endpoint, over real HTTP and a real WebSocket, as directlinejs uses it.</summary>
public sealed class DirectLineProtocolTests
{
    private const string Secret = "test-secret-0123456789-abcdefghijklmnop";

    [Fact]
    public async Task DirectLine_StartTwice_CreatesThenAnswers200AndGreetsByTheTokensName()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana Whitfield");

        var (first, conversation) = await client.StartAsync(token);
        var (second, _) = await client.StartAsync(token);

        Assert.Equal(201, first);
        Assert.Equal(200, second);
        Assert.Equal(conversationId, conversation!["conversationId"]!.GetValue<string>());
        Assert.Equal(token, conversation["token"]!.GetValue<string>());
        Assert.InRange(conversation["expires_in"]!.GetValue<int>(), 1700, 1800);
        Assert.StartsWith($"ws://{host.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", conversation["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token, null);
        var greeting = Assert.Single(DirectLineClient.BotTexts(activities));
        host.Wording.AssertIs(SupportPrompts.Welcome, greeting);
        Assert.Contains("Dana", greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_Post_EchoesTheUsersActivityWithIdAndChannelDataThenTheReplies()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        await client.StartAsync(token);

        var id = await client.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213", clientActivityId: "client-1");
        var (activities, watermark) = await client.GetActivitiesAsync(conversationId, token, "");

        var echo = activities.Single(a => a!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.StartsWith("dl_", echo["from"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("directline", echo["channelId"]!.GetValue<string>());
        Assert.All(activities, a => Assert.False(string.IsNullOrEmpty(a!["id"]?.GetValue<string>())));
        Assert.DoesNotContain(activities, a => a!["type"]!.GetValue<string>() == "conversationUpdate");
        Assert.Equal(3, DirectLineClient.BotTexts(activities).Count); // greeting, empathy, the next question
        Assert.Equal(activities.Count + 1, int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture)); // + the hidden conversationUpdate
    }

    [Fact]
    public async Task DirectLine_Watermark_ReturnsOnlyWhatCameAfterAndPagesToEmpty()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        await client.StartAsync(token);
        var (_, afterGreeting) = await client.GetActivitiesAsync(conversationId, token, null);

        await client.PostMessageAsync(conversationId, token, "the charge on my card is wrong");
        var (next, watermark) = await client.GetActivitiesAsync(conversationId, token, afterGreeting);
        var (empty, same) = await client.GetActivitiesAsync(conversationId, token, watermark);

        Assert.Equal("the charge on my card is wrong", next[0]!["text"]!.GetValue<string>());
        Assert.NotEmpty(DirectLineClient.BotTexts(next));
        Assert.Empty(empty);
        Assert.Equal(watermark, same);
        var (status, error) = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark=abc", token);
        Assert.Equal(400, status);
        Assert.Equal("BadArgument", error!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectLine_Stream_PushesGreetingEchoRepliesAndTypingAndKeepsAlive()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:KeepAliveSeconds"] = "1" });
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        var (_, conversation) = await client.StartAsync(token);
        using var stream = await DirectLineClient.OpenStreamAsync(conversation!["streamUrl"]!.GetValue<string>());

        var greeting = await stream.ReceiveUntilAsync(a => a["type"]!.GetValue<string>() == "message");
        var postId = await client.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213");
        var turn = await stream.ReceiveUntilAsync(a => a["text"]?.GetValue<string>()?.EndsWith('?') == true);
        var (typingStatus, _) = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, new JsonObject { ["type"] = "typing", ["from"] = new JsonObject { ["id"] = "x" } });
        var typing = await stream.ReceiveUntilAsync(a => a["type"]!.GetValue<string>() == "typing");
        var keepAlive = await stream.ReceiveFrameAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("Dana", Assert.Single(greeting)["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(postId, turn[0]["id"]!.GetValue<string>());
        Assert.True(turn.Count >= 3);
        Assert.Equal(200, typingStatus);
        Assert.Single(typing);
        Assert.Equal(string.Empty, keepAlive);
        var (polled, _) = await client.GetActivitiesAsync(conversationId, token, null);
        Assert.DoesNotContain(polled, a => a!["type"]!.GetValue<string>() == "typing");
    }

    [Fact]
    public async Task DirectLine_Reconnect_WithWatermarkReplaysHistoryOnceWithoutIt_OnlyNew()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        await client.StartAsync(token);
        await client.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213");
        var (history, _) = await client.GetActivitiesAsync(conversationId, token, null);

        var (_, replay) = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark=0", token);
        using (var stream = await DirectLineClient.OpenStreamAsync(replay!["streamUrl"]!.GetValue<string>()))
        {
            var frame = JsonNode.Parse((await stream.ReceiveFrameAsync())!)!["activities"]!.AsArray();
            Assert.Equal(history.Select(a => a!["id"]!.GetValue<string>()), frame.Select(a => a!["id"]!.GetValue<string>()));
        }

        var (_, fresh) = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}", token);
        using var live = await DirectLineClient.OpenStreamAsync(fresh!["streamUrl"]!.GetValue<string>());
        await client.PostMessageAsync(conversationId, token, "I emailed twice already");
        var newer = await live.ReceiveUntilAsync(a => a["from"]!["role"]?.GetValue<string>() != "user");
        Assert.Equal("I emailed twice already", newer[0]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectLine_StreamUrl_CarriesASingleUseTicketNotTheToken()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (_, token) = await client.PageTokenAsync("Dana");
        var (_, conversation) = await client.StartAsync(token);
        var streamUrl = conversation!["streamUrl"]!.GetValue<string>();

        using (await DirectLineClient.OpenStreamAsync(streamUrl))
        {
        }

        var again = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.OpenStreamAsync(streamUrl));

        Assert.DoesNotContain(token, streamUrl, StringComparison.Ordinal);
        Assert.Contains("403", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLine_TokenForOneConversation_CannotReadOrWriteAnother()
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (mine, myToken) = await client.PageTokenAsync("Dana");
        var (theirs, theirToken) = await client.PageTokenAsync("Ben");
        await client.StartAsync(myToken);
        await client.StartAsync(theirToken);
        await client.PostMessageAsync(theirs, theirToken, "my card 4111 1111 1111 1111 was charged twice");

        var reads = new[]
        {
            await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{theirs}/activities", myToken),
            await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{theirs}", myToken),
            await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{theirs}/activities", myToken, new JsonObject { ["type"] = "message", ["text"] = "hi" }),
        };
        var (_, mineStarted) = await client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{mine}", myToken);
        var hijack = mineStarted!["streamUrl"]!.GetValue<string>().Replace(mine, theirs, StringComparison.Ordinal);
        var socket = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineClient.OpenStreamAsync(hijack));

        Assert.All(reads, r => Assert.Equal(403, r.Status));
        Assert.All(reads, r => Assert.Equal("NotAllowed", r.Body!["error"]!["code"]!.GetValue<string>()));
        Assert.Contains("403", socket.Message, StringComparison.Ordinal);
        var (theirActivities, _) = await client.GetActivitiesAsync(theirs, theirToken, null);
        Assert.DoesNotContain(theirActivities, a => a!["text"]?.GetValue<string>() == "hi");
    }

    [Fact]
    public async Task DirectLine_Credentials_MissingIs401_ForgedOrExpiredIs403_RefreshWorksUntilExpiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        var (missing, _) = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", null);
        var (bad, _) = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", forged);
        time.Advance(TimeSpan.FromMinutes(20));
        var (refreshStatus, refreshed) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", token);
        time.Advance(TimeSpan.FromMinutes(15));
        var (expired, expiredBody) = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", token);
        var newToken = refreshed!["token"]!.GetValue<string>();
        var (stillValid, _) = await client.StartAsync(newToken);

        Assert.Equal(401, missing);
        Assert.Equal(403, bad);
        Assert.Equal(200, refreshStatus);
        Assert.Equal(conversationId, refreshed["conversationId"]!.GetValue<string>());
        Assert.NotEqual(token, newToken);
        Assert.Equal(403, expired);
        Assert.Equal("TokenExpired", expiredBody!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(201, stillValid);
    }

    [Fact]
    public async Task DirectLine_Secret_MintsTokensForNamedUsers_TokensCannotMintAndBrowsersCannotUseTheSecretWhenUnset()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:Secret"] = Secret });
        var client = new DirectLineClient(host);
        var user = new JsonObject { ["user"] = new JsonObject { ["id"] = "crm-4711", ["name"] = "Priya Natarajan" } };

        var (minted, body) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", Secret, user);
        var token = body!["token"]!.GetValue<string>();
        var (byToken, byTokenBody) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", token, user);
        var (withoutAuth, _) = await client.SendAsync(HttpMethod.Post, "v3/directline/tokens/generate", null, user);
        await client.StartAsync(token);
        var conversationId = body["conversationId"]!.GetValue<string>();
        await client.PostMessageAsync(conversationId, token, "hello, it's me");
        var (activities, _) = await client.GetActivitiesAsync(conversationId, token, null);

        Assert.Equal(200, minted);
        Assert.Equal(403, byToken);
        Assert.Equal("NotAllowed", byTokenBody!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(401, withoutAuth);
        Assert.Contains("Priya", DirectLineClient.BotTexts(activities)[0], StringComparison.Ordinal);
        var echo = activities.Single(a => a!["text"]?.GetValue<string>() == "hello, it's me")!;
        Assert.Equal("crm-4711", echo["from"]!["id"]!.GetValue<string>()); // the token's user wins over the client's from.id
        Assert.Equal("Priya Natarajan", echo["from"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectLine_Secret_StartsConversationsAndReadsAny()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:Secret"] = Secret });
        var client = new DirectLineClient(host);

        var (status, conversation) = await client.SendAsync(HttpMethod.Post, "v3/directline/conversations", Secret, new JsonObject { ["user"] = new JsonObject { ["id"] = "u-9", ["name"] = "Omar" } });
        var conversationId = conversation!["conversationId"]!.GetValue<string>();
        var (activities, _) = await client.GetActivitiesAsync(conversationId, Secret, null);
        var (unknown, error) = await client.SendAsync(HttpMethod.Get, "v3/directline/conversations/nobody-here", Secret);

        Assert.Equal(201, status);
        Assert.NotEqual(Secret, conversation["token"]!.GetValue<string>());
        Assert.Contains("Omar", Assert.Single(DirectLineClient.BotTexts(activities)), StringComparison.Ordinal);
        Assert.Equal(404, unknown);
        Assert.Equal("NotFound", error!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectLine_BadRequests_Are4xxWithReasons_NeverServerErrors()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Messages:MaxTextLength"] = "50" });
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync();
        await client.StartAsync(token);
        var path = $"v3/directline/conversations/{conversationId}/activities";

        using var malformed = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"type\": \"message\", \"text\": ", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new("Bearer", token);
        using var malformedResponse = await host.Client.SendAsync(malformed);
        var (tooLong, tooLongBody) = await client.SendAsync(HttpMethod.Post, path, token, new JsonObject { ["type"] = "message", ["text"] = new string('a', 51) });
        var (noType, noTypeBody) = await client.SendAsync(HttpMethod.Post, path, token, new JsonObject { ["text"] = "hi" });
        var (upload, uploadBody) = await client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/upload?userId=x", token, new JsonObject());

        Assert.Equal(400, (int)malformedResponse.StatusCode);
        Assert.Contains("not a valid activity", (await malformedResponse.Content.ReadFromJsonAsync<JsonNode>())!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, tooLong);
        Assert.Contains("at most 50", tooLongBody!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, noType);
        Assert.Contains("'type'", noTypeBody!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, upload);
        Assert.Equal("NotSupported", uploadBody!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectLine_AfterRestart_TheSameTokenResumesTheConversationAtItsStep()
    {
        using var data = new TempDirectory();
        string conversationId, token;
        await using (var before = await BotHost.StartAsync(data.Path))
        {
            var client = new DirectLineClient(before);
            (conversationId, token) = await client.PageTokenAsync("Dana");
            await client.StartAsync(token);
            await client.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213, two weeks ago");
        }

        await using var after = await BotHost.StartAsync(data.Path);
        var resumed = new DirectLineClient(after);
        var (status, _) = await resumed.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}?watermark=0", token);
        var (_, watermark) = await resumed.GetActivitiesAsync(conversationId, token, null);
        await resumed.PostMessageAsync(conversationId, token, "I emailed twice already");
        var (next, _) = await resumed.GetActivitiesAsync(conversationId, token, watermark);

        Assert.Equal(200, status);
        after.Wording.AssertIs(SupportPrompts.AskAnythingElse, Assert.Single(DirectLineClient.BotTexts(next)));
    }

    [Fact]
    public async Task DirectLine_Cors_AllowsConfiguredOriginsOnly_AndAnonymousTokensCanBeTurnedOff()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Widget:AllowedOrigins:0"] = "https://shop.example.com",
            ["DirectLine:AnonymousTokens"] = "false",
        });

        var allowed = await PreflightAsync(host, "https://shop.example.com");
        var other = await PreflightAsync(host, "https://evil.example.net");
        var (anonymous, body) = await new DirectLineClient(host).SendAsync(HttpMethod.Post, "directline/token", null);

        Assert.Equal("https://shop.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", allowed.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(403, anonymous);
        Assert.Equal("NotAllowed", body!["error"]!["code"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> PreflightAsync(BotHost host, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        return await host.Client.SendAsync(request);
    }
}
