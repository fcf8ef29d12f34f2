using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>
/// Client mistakes on <c>POST /api/messages</c>: a 400 (or 415) problem naming the field, never a 500, and nothing
/// written: the conversation still starts at the greeting afterwards.
/// </summary>
public sealed class MessagesValidationTests
{
    [Theory]
    [InlineData("truncated", "body")]
    [InlineData("trailing-garbage", "body")]
    [InlineData("unquoted-text", "text")]
    public async Task PostActivity_MalformedJson_Returns400NamingTheFault(string fault, string expectedField)
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var json = TestActivities.Message(conversationId, "hi").ToJsonString();
        var body = fault switch
        {
            "truncated" => json[..^1],
            "trailing-garbage" => json + "x",
            _ => json.Replace("\"text\":\"hi\"", "\"text\":hi", StringComparison.Ordinal),
        };

        using var response = await host.PostRawAsync(body, "application/json");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("42")]
    [InlineData("null")]
    public async Task PostActivity_JsonNotAnObject_Returns400NamingBody(string body)
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostRawAsync(body, "application/json");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("type", "5", "type")]
    [InlineData("from", "\"dana\"", "from")]
    [InlineData("conversation", "[]", "conversation")]
    public async Task PostActivity_MemberOfWrongJsonKind_Returns400NamingIt(string member, string value, string expectedField)
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity[member] = JsonNode.Parse(value);

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expectedField);
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_UnparseableTimestamp_Returns400NamingTimestamp()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["timestamp"] = "yesterday at noon";

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "timestamp");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_MissingType_Returns400NamingType()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity.Remove("type");

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "type");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_MissingConversationId_Returns400NamingConversationId()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["conversation"] = new JsonObject { ["name"] = "no id here" };

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "conversation.id");
    }

    [Fact]
    public async Task PostActivity_MissingConversation_Returns400NamingConversationId()
    {
        await using var host = await BotHost.StartAsync();
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi");
        activity.Remove("conversation");

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "conversation.id");
    }

    [Fact]
    public async Task PostActivity_MissingFromId_Returns400NamingFromId()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["from"] = new JsonObject { ["name"] = TestActivities.UserName };

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "from.id");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_MissingChannelId_Returns400NamingChannelId()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity.Remove("channelId");

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "channelId");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/")]
    [InlineData("smba.trafficmanager.net/emea/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task PostActivity_NoUsableServiceUrlWithoutExpectReplies_Returns400NamingServiceUrl(string? serviceUrl)
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity.Remove("deliveryMode");
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "serviceUrl");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_BodyOverDefaultLimit_Returns400NamingBody()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["padding"] = new string('x', 256 * 1024);

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_ChunkedBodyOverDefaultLimit_Returns400NamingBody()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["padding"] = new string('x', 256 * 1024);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_BodyOverConfiguredLimit_Returns400NamingBody()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Messages:MaxBodyBytes"] = "2048" });
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["padding"] = new string('x', 2048);

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_BodyUnderConfiguredLimit_IsAccepted()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Messages:MaxBodyBytes"] = "2048" });
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi");
        activity["padding"] = new string('x', 2048 - activity.ToJsonString().Length - 20);

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_TextOverDefaultLimit_Returns400NamingText()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi " + new string('a', 10_000 - 2));

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_TextOverConfiguredLimit_Returns400NamingText()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Messages:MaxTextLength"] = "20" });
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi, this text is longer than twenty characters");

        using var response = await host.PostActivityAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "text");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    [Fact]
    public async Task PostActivity_EmptyBody_Returns400NamingBody()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostRawAsync(string.Empty, "application/json");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task PostActivity_NonJsonContentType_Returns415(string contentType)
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var body = TestActivities.Message(conversationId, "hi").ToJsonString();

        using var response = await host.PostRawAsync(body, contentType);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "body");
        await AssertConversationStartsFreshAsync(host, conversationId);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expectedStatus, string expectedField)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == response.StatusCode, $"Expected {(int)expectedStatus} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal((int)expectedStatus, problem["status"]!.GetValue<int>());
        Assert.Equal(expectedField, problem["field"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), "The problem should say what is wrong.");
    }

    /// <summary>Had the rejected "hi" been run, this "hi" would be taken as the complaint (step 2) instead of greeted.</summary>
    private static async Task AssertConversationStartsFreshAsync(BotHost host, string conversationId)
    {
        Assert.Empty(await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId));

        var replies = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));

        var greeting = Assert.Single(replies);
        host.Wording.AssertIs(SupportPrompts.Welcome, greeting.Text);
    }
}
