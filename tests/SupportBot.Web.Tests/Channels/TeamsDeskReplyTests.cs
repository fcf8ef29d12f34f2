using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Channels;

/// <summary>
/// Replies a desk action causes in Teams go out as every reply does: choices as Adaptive Card buttons, proactively; a
/// colleague's own messages open with their name in bold, since Teams shows the bot's name on everything it sends.
/// </summary>
public sealed class TeamsDeskReplyTests
{
    private const string Bot = "28:3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a";

    [Fact]
    public async Task DeskDecision_InATeamsChannelConversation_ReachesTheConnectorAsCardButtonsWithoutReplyToId()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var thread = "19:support-team@thread.tacv2;messageid=" + Guid.NewGuid().ToString("N");
        foreach (var text in new[] { "hi", "my order is late, talk to a person", "that's right" })
        {
            using var delivered = await host.PostActivityAsync(ChannelMessage(thread, "<at>SupportBot</at> " + text, connector.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var caseId = (await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None)).Single(c => c.Reference.Conversation!.Id == thread).CaseId;
        var before = connector.Requests.Count;

        var (decided, _) = await alex.PostAsync($"cases/{caseId}/decision", new { decision = "approved", note = "It ships today." });
        var fromTheDesk = connector.Requests.Skip(before).ToList();

        Assert.Equal(HttpStatusCode.NoContent, decided);
        host.Wording.AssertIs(HandoffPrompts.Approved, fromTheDesk[0].Body!["text"]!.GetValue<string>());
        var question = fromTheDesk.Single(r => r.Body!["attachments"] is not null);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, question.Body!["text"]!.GetValue<string>());
        Assert.Null(question.Body["suggestedActions"]);
        var card = Assert.Single(question.Body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        var buttons = card["content"]!["actions"]!.AsArray();
        Assert.True(buttons.Count >= 2, card.ToJsonString());
        Assert.All(buttons, b => Assert.Equal("imBack", b!["data"]!["msteams"]!["type"]!.GetValue<string>()));
        Assert.All(fromTheDesk, r => Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities", r.RawPath));
        Assert.All(fromTheDesk, r => Assert.Null(r.Body!["replyToId"]));
    }

    [Fact]
    public async Task AgentMessage_InATeamsPersonalChat_ReachesTheConnectorUnderTheAgentsNameInBold()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var chat = "a:1" + Guid.NewGuid().ToString("N");
        foreach (var text in new[] { "hi", "my order is late, talk to a person", "that's right" })
        {
            var message = ChannelMessage(chat, text, connector.ServiceUrl);
            message["conversation"] = new JsonObject { ["id"] = chat, ["conversationType"] = "personal", ["tenantId"] = "72f988bf-0000-4000-8000-000000000000" };
            message.Remove("entities");
            using var delivered = await host.PostActivityAsync(message);
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var caseId = (await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None)).Single(c => c.Reference.Conversation!.Id == chat).CaseId;
        var before = connector.Requests.Count;

        var (accepted, _) = await alex.PostAsync($"cases/{caseId}/accept");
        var (sent, _) = await alex.PostAsync($"cases/{caseId}/messages", new { text = "Hi Dana, I'm looking at your order now." });
        var fromTheDesk = connector.Requests.Skip(before).Where(r => r.Body?["type"]?.GetValue<string>() == "message").ToList();

        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.NoContent, sent);
        Assert.Equal(2, fromTheDesk.Count);
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, fromTheDesk[0].Text!);
        Assert.StartsWith("Alex Morgan", fromTheDesk[0].Text!, StringComparison.Ordinal); // the bot's own line, unsigned
        Assert.Equal(Bot, fromTheDesk[0].Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("**Alex Morgan:** Hi Dana, I'm looking at your order now.", fromTheDesk[1].Text);
        var from = fromTheDesk[1].Body!["from"]!;
        Assert.Equal("Alex Morgan", from["name"]!.GetValue<string>());
        Assert.Equal("bot", from["role"]!.GetValue<string>());
        Assert.Equal(ColleagueAccount.IdPrefix + SupportBot.Web.Agents.AgentDirectory.PublicId("alex"), from["id"]!.GetValue<string>());
        var transcript = await host.GetTranscriptAsync("msteams", chat);
        Assert.Contains(transcript, a => a.Text == "Hi Dana, I'm looking at your order now."); // the transcript keeps what Alex wrote
    }

    private static JsonObject ChannelMessage(string conversationId, string text, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:1dana", ["name"] = "Dana Reyes", ["aadObjectId"] = "6b1c0d7e-0000-4000-8000-000000000002" },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "SupportBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = "72f988bf-0000-4000-8000-000000000000" },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>SupportBot</at>", ["mentioned"] = new JsonObject { ["id"] = Bot, ["name"] = "SupportBot" } }),
    };
}
