using System.Net;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>A channel redelivering an activity (same id) gets the first answer again; the dialog does not run twice.</summary>
public sealed class MessagesDuplicateTests
{
    [Fact]
    public async Task PostActivity_SameIdTwiceWithExpectReplies_AnswersTheSameReplies()
    {
        await using var host = await BotHost.StartAsync();
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi");
        var first = await host.ExpectRepliesAsync(activity);

        var second = await host.ExpectRepliesAsync(activity);

        Assert.NotEmpty(first);
        Assert.Equal(Serialize(first), Serialize(second));
    }

    [Fact]
    public async Task PostActivity_SameIdTwiceWithExpectReplies_DoesNotAdvanceDialog()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var hi = TestActivities.Message(conversationId, "hi");
        await host.ExpectRepliesAsync(hi);
        await host.ExpectRepliesAsync(hi);

        var replies = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "My parcel never arrived."));

        Assert.Equal(2, replies.Count);
        host.Wording.AssertIs(SupportPrompts.Question("order_number"), replies[1].Text);
        Assert.DoesNotContain(replies, r => host.Wording.Matches(SupportPrompts.AskAnythingElse, r.Text));
        var transcript = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);
        Assert.Equal(2, transcript.Count(a => a.From?.Id == TestActivities.UserId));
    }

    [Fact]
    public async Task PostActivity_SameIdTwiceWithNormalDelivery_Answers200WithoutSendingAgain()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var hi = TestActivities.Message(conversationId, "hi", connector.ServiceUrl);
        var complaint = TestActivities.Message(conversationId, "My parcel never arrived.", connector.ServiceUrl);
        using var first = await host.PostActivityAsync(hi);

        using var again = await host.PostActivityAsync(hi);
        var sentAfterRedelivery = connector.Requests.Count;
        using var next = await host.PostActivityAsync(complaint);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, sentAfterRedelivery);

        // The next message's replies follow the first greeting directly: nothing for the redelivery came in between.
        var requests = await connector.WaitForRequestsAsync(3);
        Assert.Equal(3, requests.Count);
        Assert.Equal(hi["id"]!.GetValue<string>(), requests[0].Body!["replyToId"]!.GetValue<string>());
        Assert.All(requests.Skip(1), r => Assert.Equal(complaint["id"]!.GetValue<string>(), r.Body!["replyToId"]!.GetValue<string>()));
    }

    private static string Serialize(IReadOnlyList<Activity> activities) =>
        JsonSerializer.Serialize(activities.ToList(), ActivityJson.Default.ListActivity);
}
