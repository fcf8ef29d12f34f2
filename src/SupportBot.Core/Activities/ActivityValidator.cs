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

        return null;
    }
}
