using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;

namespace SupportBot.Web.Channels;

/// <summary>
/// What Microsoft Teams needs on the way in and out: the bot's @mention taken out of a channel message before the
/// dialog reads it, and choices shown as Adaptive Card buttons where Teams does not render suggested actions
/// (channels and group chats); a button sends its title back, as a typed answer would. Teams shows everything the
/// bot sends under the bot's name, whatever <c>from.name</c> says, so a colleague's message starts with their name.
/// </summary>
public static class TeamsActivities
{
    public const string ChannelId = "msteams";

    /// <summary>The inbound activity with the mentions of the bot removed from its text.</summary>
    public static Activity RemoveBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != ChannelId || activity.Text is not { } text || activity.Entities is not { Count: > 0 } entities)
        {
            return activity;
        }

        foreach (var entity in entities)
        {
            if (entity.ValueKind == JsonValueKind.Object
                && entity.TryGetProperty("type", out var type) && type.ValueEquals("mention")
                && entity.TryGetProperty("mentioned", out var mentioned) && mentioned.TryGetProperty("id", out var id) && id.GetString() == activity.Recipient?.Id
                && entity.TryGetProperty("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } mention)
            {
                text = text.Replace(mention, string.Empty, StringComparison.Ordinal);
            }
        }

        return activity with { Text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) };
    }

    /// <summary>
    /// A reply as Teams can show it: a colleague's message opens with their name in bold ("**Ada Okafor:** …"), and
    /// in a channel or group chat suggested actions become an Adaptive Card with buttons. Every reply goes through here
    /// once on its way out (the Connector client, expectReplies), proactive ones included.
    /// </summary>
    public static Activity ForTeams(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ChannelId != ChannelId)
        {
            return reply;
        }

        reply = Signed(reply);
        if (reply.Conversation?.ConversationType is not ("channel" or "groupChat") || reply.SuggestedActions is not { Actions.Count: > 0 } suggested)
        {
            return reply;
        }

        return reply with
        {
            SuggestedActions = null,
            Attachments = [.. reply.Attachments ?? [], new Attachment
            {
                ContentType = "application/vnd.microsoft.card.adaptive",
                Content = new JsonObject
                {
                    ["type"] = "AdaptiveCard",
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["version"] = "1.5",
                    ["body"] = new JsonArray(),
                    ["actions"] = new JsonArray([.. suggested.Actions.Select(a => (JsonNode)new JsonObject
                    {
                        ["type"] = "Action.Submit",
                        ["title"] = a.Title,
                        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = a.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : a.Title } },
                    })]),
                },
            }],
        };
    }

    private static Activity Signed(Activity reply)
    {
        if (reply.Type != ActivityTypes.Message || !ColleagueAccount.IsFrom(reply) || string.IsNullOrWhiteSpace(reply.Text))
        {
            return reply;
        }

        // Characters Teams' Markdown would read as formatting are left out of the name, so the bold holds.
        var name = new string([.. (reply.From!.Name ?? string.Empty).Where(c => !"*_`~[]<>\\#".Contains(c, StringComparison.Ordinal))]).Trim();
        return name.Length == 0 ? reply : reply with { Text = $"**{name}:** {reply.Text}" };
    }
}
