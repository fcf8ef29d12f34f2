using System.Text.Json.Nodes;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Channels;

/// <summary>Teams as it really posts: personal install greeting, channel @mentions, thread replies, choices as card buttons.</summary>
public sealed class TeamsBehaviourTests
{
    private const string Bot = "28:3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a";

    [Fact]
    public async Task PersonalChat_BotAdded_GreetsTheMemberByName()
    {
        await using var host = await BotHost.StartAsync();
        var conversation = "a:1" + Guid.NewGuid().ToString("N");

        var replies = await host.ExpectRepliesAsync(new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["deliveryMode"] = "expectReplies",
            ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
            ["from"] = new JsonObject { ["id"] = "29:1priya", ["name"] = "Priya Natarajan", ["aadObjectId"] = "6b1c0d7e-0000-4000-8000-000000000001" },
            ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "SupportBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "72f988bf-0000-4000-8000-000000000000" },
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Bot }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-4000-8000-000000000000" } },
        });

        host.Wording.AssertIs(SupportPrompts.Welcome, Assert.Single(replies).Text);
        Assert.Contains("Priya", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(conversation, replies[0].Conversation!.Id);
    }

    [Fact]
    public async Task ChannelMessage_MentionIsStripped_ReplyStaysInTheThread_ChoicesAreCardButtons()
    {
        await using var host = await BotHost.StartAsync();
        var thread = "19:support-team@thread.tacv2;messageid=" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var greeting = await host.ExpectRepliesAsync(ChannelMessage(thread, "<at>SupportBot</at> hi"));
        var unsure = await host.ExpectRepliesAsync(ChannelMessage(thread, "<at>SupportBot</at> I'm just not happy with how things went"));

        host.Wording.AssertIs(SupportPrompts.Welcome, Assert.Single(greeting).Text);
        Assert.Equal(thread, greeting[0].Conversation!.Id);
        var choice = unsure[^1];
        Assert.Null(choice.SuggestedActions);
        var card = Assert.Single(choice.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        var actions = card.Content!["actions"]!.AsArray();
        Assert.True(actions.Count >= 2);
        Assert.All(actions, a => Assert.Equal("imBack", a!["data"]!["msteams"]!["type"]!.GetValue<string>()));
        Assert.Equal(actions[0]!["title"]!.GetValue<string>(), actions[0]!["data"]!["msteams"]!["value"]!.GetValue<string>());
        var transcript = await host.GetTranscriptAsync("msteams", thread);
        Assert.Equal("hi", transcript[0].Text);
    }

    private static JsonObject ChannelMessage(string conversationId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(1000),
        ["channelId"] = "msteams",
        ["deliveryMode"] = "expectReplies",
        ["serviceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["textFormat"] = "plain",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "29:1dana", ["name"] = "Dana Reyes", ["aadObjectId"] = "6b1c0d7e-0000-4000-8000-000000000002" },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "SupportBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = "72f988bf-0000-4000-8000-000000000000" },
        ["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>SupportBot</at>", ["mentioned"] = new JsonObject { ["id"] = Bot, ["name"] = "SupportBot" } },
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["country"] = "GB", ["platform"] = "Web", ["timezone"] = "Europe/London" }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = "19:support-team@thread.tacv2",
            ["teamsTeamId"] = "19:team@thread.tacv2",
            ["channel"] = new JsonObject { ["id"] = "19:support-team@thread.tacv2" },
            ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = "72f988bf-0000-4000-8000-000000000000" },
        },
        ["locale"] = "en-GB",
    };
}
