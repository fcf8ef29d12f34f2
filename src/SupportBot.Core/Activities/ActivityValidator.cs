using System.Text.Json;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;

namespace SupportBot.Core.Activities;

/// <summary>
/// Checks what a bot cannot do without (activity-protocol.md): <c>type</c>, <c>channelId</c>,
/// <c>conversation.id</c>, <c>from.id</c>, a usable <c>serviceUrl</c> when replies must be sent to the channel,
/// and a text no longer than the configured limit.
/// </summary>
public static class ActivityValidator
{
    /// <summary>The first fault found, or null when the activity can be processed.</summary>
    public static ActivityFault? Validate(Activity? activity, int maxTextLength)
    {
        if (activity is null)
        {
            return new ActivityFault("body", "The body must be a JSON object: a Bot Framework activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return new ActivityFault("type", "The activity has no 'type' (e.g. \"message\").");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return new ActivityFault("channelId", "The activity has no 'channelId' (e.g. \"msteams\", \"directline\", \"emulator\").");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return new ActivityFault("conversation.id", "The activity has no 'conversation.id'.");
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return new ActivityFault("from.id", "The activity has no 'from.id'.");
        }

        if (activity.DeliveryMode != DeliveryModes.ExpectReplies
            && (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps)))
        {
            return new ActivityFault("serviceUrl", "The activity needs an absolute http(s) 'serviceUrl' to send replies to (or \"deliveryMode\": \"expectReplies\").");
        }

        if (activity.Text is { } text && text.Length > maxTextLength)
        {
            return new ActivityFault("text", $"The text is {text.Length} characters long; at most {maxTextLength} are accepted.");
        }

        return Members(activity.MembersAdded, "membersAdded") ?? Members(activity.MembersRemoved, "membersRemoved")
            ?? Mentions(activity.Entities) ?? HandoffStatus(activity);
    }

    private static ActivityFault? Members(IReadOnlyList<ChannelAccount>? members, string field)
    {
        for (var i = 0; members is not null && i < members.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(members[i]?.Id))
            {
                return new ActivityFault($"{field}[{i}]", $"Each of '{field}' must be an account with an 'id'.");
            }
        }

        return null;
    }

    /// <summary>Each entity is an object; a mention names who (<c>mentioned.id</c>, a string) and how (<c>text</c>, a string).</summary>
    private static ActivityFault? Mentions(IReadOnlyList<JsonElement>? entities)
    {
        for (var i = 0; entities is not null && i < entities.Count; i++)
        {
            var entity = entities[i];
            if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return new ActivityFault($"entities[{i}]", "Each entity must be a JSON object with a string 'type' (such as \"mention\").");
            }

            if (!type.ValueEquals("mention"))
            {
                continue;
            }

            if (!entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || (mentioned.TryGetProperty("name", out var name) && name.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                || (entity.TryGetProperty("text", out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
            {
                return new ActivityFault($"entities[{i}]", "A mention needs 'mentioned': {\"id\": \"…\", \"name\": \"…\"} and a string 'text'.");
            }
        }

        return null;
    }

    /// <summary>A contact center's <c>handoff.status</c> carries <c>{"state": "accepted|failed|completed"}</c> and string fields.</summary>
    private static ActivityFault? HandoffStatus(Activity activity)
    {
        if (activity.Type != ActivityTypes.Event || !string.Equals(activity.Name, DeskEvents.HandoffStatus, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        const string Shape = "handoff.status needs a 'value' object such as {\"state\": \"accepted\", \"agent\": \"Jordan\"}; 'state' is accepted, failed or completed.";
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return new ActivityFault("value", Shape);
        }

        try
        {
            return JsonSerializer.Deserialize<DeskEventValue>(value, StateJson.Options) is { State: not null } ? null : new ActivityFault("value.state", Shape);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            return new ActivityFault("value", Shape);
        }
    }
}
