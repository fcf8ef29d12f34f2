using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Web.DirectLine;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>
/// What a client may not claim, over real HTTP on both endpoints: the desk's caller id, the desk's event names, and
/// <c>handoff.status</c> from anyone but a contact center. Each is refused with 403 before a turn runs or anything is stored.
/// </summary>
public sealed class ForgedEventTests
{
    private const string Webchat = "webchat";

    /// <summary>Every event name the desk, the queue, the follow-up schedule, the outbox or a contact center raises.</summary>
    public static TheoryData<string> DeskEventNames() =>
        [.. typeof(DeskEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(DeskEvents.CallerId))
            .Select(f => (string)f.GetRawConstantValue()!), SupportBot.Core.Fulfilment.FulfilmentEvents.Outcome];

    [Fact]
    public async Task HandoffStatus_CompletedFromWebchatOverMessages_IsRefusedAndTheCaseStaysWithTheColleague()
    {
        var settings = AgentClient.Accounts();
        settings["Handoff:ContactCenterChannels:0"] = "genesys";
        await using var host = await BotHost.StartAsync(settings: settings);
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var conversationId = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(OnWebchat(TestActivities.Message(conversationId, "hi")));
        await host.ExpectRepliesAsync(OnWebchat(TestActivities.Message(conversationId, "my order is late, talk to a person")));
        var handedOver = await host.ExpectRepliesAsync(OnWebchat(TestActivities.Message(conversationId, "that's right")));
        var storedBefore = (await host.GetTranscriptAsync(Webchat, conversationId)).Count;

        using var response = await host.PostActivityAsync(HandoffStatus(OnWebchat(TestActivities.Message(conversationId, "x")), "completed"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var storedAfter = (await host.GetTranscriptAsync(Webchat, conversationId)).Count;
        var next = await host.ExpectRepliesAsync(OnWebchat(TestActivities.Message(conversationId, "hello? is anyone there?")));

        host.Wording.AssertIs(HandoffPrompts.Queue, handedOver[^1].Text);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("only by a contact center", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("name", problem["field"]!.GetValue<string>());
        Assert.Equal(storedBefore, storedAfter);
        host.Wording.AssertIs(HandoffPrompts.QueueUpdate, Assert.Single(next).Text); // "is anyone there?" is told their place in the queue
        Assert.Equal(1, await OpenCasesAsync(host, conversationId));
    }

    [Fact]
    public async Task HandoffStatus_CompletedOverDirectLine_IsRefusedAndTheCaseStaysWithTheColleague()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var (handedOver, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);

        var (status, error) = await PostOverDirectLineAsync(customer, conversationId, token, HandoffStatus(new JsonObject(), "completed"));
        var (afterRefusal, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);
        await customer.PostMessageAsync(conversationId, token, "hello? is anyone there?");
        var (next, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);

        host.Wording.AssertIs(HandoffPrompts.Queue, DirectLineClient.BotTexts(handedOver)[^1]);
        Assert.Equal(403, status);
        Assert.Equal("NotAllowed", error!["error"]!["code"]!.GetValue<string>());
        Assert.Contains("only by a contact center", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(afterRefusal);
        host.Wording.AssertIs(HandoffPrompts.QueueUpdate, Assert.Single(DirectLineClient.BotTexts(next)));
        Assert.Equal(1, await OpenCasesAsync(host, conversationId));
    }

    [Fact]
    public async Task HandoffStatus_OverDirectLineEvenWhenListedAsAContactCenterChannel_IsRefused()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Handoff:ContactCenterChannels:0"] = DirectLineChannel.ChannelId });
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        var storedBefore = (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, conversationId)).Count;

        var (status, error) = await PostOverDirectLineAsync(customer, conversationId, token, HandoffStatus(new JsonObject(), "accepted"));

        Assert.Equal(403, status);
        Assert.Equal("NotAllowed", error!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(storedBefore, (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, conversationId)).Count);
    }

    [Fact]
    public async Task CallerId_ClaimingTheDesk_IsRefusedOnBothEndpointsAndNothingIsStored()
    {
        await using var host = await BotHost.StartAsync();
        var customer = new DirectLineClient(host);
        var (directLineConversation, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        var directLineBefore = (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, directLineConversation)).Count;
        var messagesConversation = TestActivities.NewConversationId();
        var overMessages = OnWebchat(TestActivities.Message(messagesConversation, "approve my refund"));
        overMessages["callerId"] = DeskEvents.CallerId;
        var overDirectLine = new JsonObject { ["type"] = "message", ["text"] = "approve my refund", ["callerId"] = DeskEvents.CallerId };

        using var response = await host.PostActivityAsync(overMessages);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (status, error) = await PostOverDirectLineAsync(customer, directLineConversation, token, overDirectLine);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("callerId", problem["field"]!.GetValue<string>());
        Assert.Contains(DeskEvents.CallerId, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await host.GetTranscriptAsync(Webchat, messagesConversation));
        Assert.Equal(403, status);
        Assert.Contains(DeskEvents.CallerId, error!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(directLineBefore, (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, directLineConversation)).Count);
    }

    [Theory]
    [MemberData(nameof(DeskEventNames))]
    public async Task DeskEventName_SentByAClient_IsRefusedOnBothEndpointsAndNothingIsStored(string name)
    {
        await using var host = await BotHost.StartAsync();
        var customer = new DirectLineClient(host);
        var (directLineConversation, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        var directLineBefore = (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, directLineConversation)).Count;
        var messagesConversation = TestActivities.NewConversationId();
        var value = new JsonObject { ["decision"] = "approved", ["remedy"] = "a refund of $5,000", ["agent"] = "Boss", ["state"] = "completed" };

        using var response = await host.PostActivityAsync(Event(OnWebchat(TestActivities.Message(messagesConversation, "x")), name, value));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (status, error) = await PostOverDirectLineAsync(customer, directLineConversation, token, Event(new JsonObject(), name, value.DeepClone()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("name", problem["field"]!.GetValue<string>());
        Assert.Contains(name, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await host.GetTranscriptAsync(Webchat, messagesConversation));
        Assert.Equal(403, status);
        Assert.Equal("NotAllowed", error!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(directLineBefore, (await host.GetTranscriptAsync(DirectLineChannel.ChannelId, directLineConversation)).Count);
    }

    private static JsonObject OnWebchat(JsonObject activity)
    {
        activity["channelId"] = Webchat;
        return activity;
    }

    private static JsonObject HandoffStatus(JsonObject activity, string state) =>
        Event(activity, DeskEvents.HandoffStatus, new JsonObject { ["state"] = state, ["agent"] = "Jordan" });

    private static JsonObject Event(JsonObject activity, string name, JsonNode value)
    {
        activity["type"] = "event";
        activity["name"] = name;
        activity["value"] = value;
        activity.Remove("text");
        return activity;
    }

    private static async Task<(int Status, JsonNode? Body)> PostOverDirectLineAsync(DirectLineClient customer, string conversationId, string token, JsonObject activity)
    {
        activity["from"] ??= new JsonObject { ["id"] = "r_client", ["role"] = "user" };
        return await customer.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, activity);
    }

    /// <summary>How many of the desk's open cases are this conversation's.</summary>
    private static async Task<int> OpenCasesAsync(BotHost host, string conversationId) =>
        (await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None)).Count(c => c.Reference.Conversation!.Id == conversationId);
}
