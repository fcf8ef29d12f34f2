using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>The Bot Framework handoff protocol for channels connected to a contact center: handoff.initiate out, handoff.status in.</summary>
public sealed class ContactCenterHandoffTests
{
    [Fact]
    public async Task ContactCenterChannel_GetsHandoffInitiateWithBriefAndTranscript_AndStatusEventsDriveTheConversation()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Handoff:ContactCenterChannels:0"] = TestActivities.ChannelId });
        var conversationId = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "my card 4111 1111 1111 1111 was charged twice"));
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "talk to a person"));
        var handedOver = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "that's right"));
        var accepted = await host.ExpectRepliesAsync(Status(conversationId, "accepted", "Jordan"));
        var quiet = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi Jordan"));
        var completed = await host.ExpectRepliesAsync(Status(conversationId, "completed", "Jordan"));

        host.Wording.AssertIs(HandoffPrompts.Handoff(HandoffReason.CustomerAsked), handedOver[0].Text);
        var initiate = Assert.Single(handedOver, a => a.Type == ActivityTypes.Event);
        Assert.Equal(DeskEvents.HandoffInitiate, initiate.Name);
        Assert.Equal("Dana Reyes", initiate.Value!.Value.GetProperty("customerName").GetString());
        Assert.Contains("[card ending 1111]", initiate.Value.Value.GetProperty("complaint").GetString(), StringComparison.Ordinal);
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal("application/vnd.microsoft.activity.transcript", transcript.ContentType);
        Assert.Contains(transcript.Content!.AsArray(), a => a!["text"]?.GetValue<string>() == "talk to a person");
        Assert.Empty(await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None));
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, Assert.Single(accepted).Text);
        Assert.Contains("Jordan", accepted[0].Text, StringComparison.Ordinal);
        Assert.Empty(quiet);
        host.Wording.AssertIs(HandoffPrompts.HandedBack, completed[0].Text);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, completed[1].Text);
    }

    private static JsonObject Status(string conversationId, string state, string agent)
    {
        var activity = TestActivities.Message(conversationId, "ignored");
        activity["type"] = "event";
        activity["name"] = "handoff.status";
        activity.Remove("text");
        activity["value"] = new JsonObject { ["state"] = state, ["agent"] = agent };
        return activity;
    }
}
