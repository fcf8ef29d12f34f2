using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>
/// A Bot Framework activity as it travels on the wire (camelCase JSON). Free-form members
/// (<see cref="ChannelData"/>, <see cref="Entities"/>, <see cref="Value"/>) are kept as raw JSON and unknown
/// members land in <see cref="ExtensionData"/>, so nothing a channel sends is lost on a round trip.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    /// <summary>When the channel recorded the activity; always written in UTC with <c>Z</c> (A2043).</summary>
    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? LocalTimestamp { get; init; }

    public string? LocalTimezone { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public string? TextFormat { get; init; }

    public string? AttachmentLayout { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public string? TopicName { get; init; }

    public string? Locale { get; init; }

    public string? Text { get; init; }

    public string? Speak { get; init; }

    public string? InputHint { get; init; }

    public string? Summary { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public JsonElement? ChannelData { get; init; }

    public string? Action { get; init; }

    public string? ReplyToId { get; init; }

    public string? Label { get; init; }

    public string? ValueType { get; init; }

    public JsonElement? Value { get; init; }

    public string? Name { get; init; }

    public ConversationReference? RelatesTo { get; init; }

    public string? Code { get; init; }

    public DateTimeOffset? Expiration { get; init; }

    public string? Importance { get; init; }

    public string? DeliveryMode { get; init; }

    public string? CallerId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A plain message activity, as a bot writes one before it is addressed.</summary>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>Where replies to this activity go: the conversation of the sender, addressed back to the sender.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>
    /// Addresses an outgoing activity as a reply to this one: same conversation, from the inbound recipient to
    /// the inbound sender, <c>replyToId</c> the inbound id, the inbound locale (activity-protocol.md §7).
    /// </summary>
    public Activity AddressReply(Activity reply) => reply with
    {
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, Name = Conversation.Name, IsGroup = Conversation.IsGroup, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        From = reply.From ?? Recipient,
        Recipient = reply.Recipient ?? From,
        ReplyToId = reply.ReplyToId ?? Id,
        Locale = reply.Locale ?? Locale,
    };
}
