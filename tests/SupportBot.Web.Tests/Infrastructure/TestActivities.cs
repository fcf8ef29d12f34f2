using System.Text.Json.Nodes;
using SupportBot.Core.Activities;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>Inbound activities as a channel would post them, built as raw JSON so a test controls every member.</summary>
public static class TestActivities
{
    public const string ChannelId = "webtest";
    public const string UserId = "29:user-dana";
    public const string UserName = "Dana Reyes";
    public const string BotId = "28:supportbot";
    public const string BotName = "SupportBot";

    /// <summary>A conversation id no other test uses.</summary>
    public static string NewConversationId() => $"conv-{Guid.NewGuid():N}";

    /// <summary>
    /// A message from Dana to the bot. Without <paramref name="serviceUrl"/> it asks for <c>expectReplies</c>, so the
    /// replies come back in the HTTP answer; with one, it is a normal delivery to that Bot Connector.
    /// </summary>
    public static JsonObject Message(string conversationId, string text, string? serviceUrl = null, string? id = null) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id ?? $"act-{Guid.NewGuid():N}",
        ["timestamp"] = "2024-05-02T09:14:03.417Z",
        ["channelId"] = ChannelId,
        ["serviceUrl"] = serviceUrl,
        ["deliveryMode"] = serviceUrl is null ? "expectReplies" : null,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = "en-US",
        ["text"] = text,
    }.WithoutNulls();

    /// <summary>Removes the members whose value is null, so "absent" stays absent on the wire.</summary>
    public static JsonObject WithoutNulls(this JsonObject activity)
    {
        foreach (var name in activity.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            activity.Remove(name);
        }

        return activity;
    }

    /// <summary>The transcript as turns: each inbound activity with the replies logged after it, up to the next inbound one.</summary>
    public static List<(Activity Inbound, List<Activity> Replies)> SplitIntoTurns(IReadOnlyList<Activity> transcript)
    {
        var turns = new List<(Activity Inbound, List<Activity> Replies)>();
        foreach (var activity in transcript)
        {
            if (activity.From?.Id == UserId)
            {
                turns.Add((activity, []));
            }
            else
            {
                Assert.NotEmpty(turns);
                turns[^1].Replies.Add(activity);
            }
        }

        return turns;
    }
}
