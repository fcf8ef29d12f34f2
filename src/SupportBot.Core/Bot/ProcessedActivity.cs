using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>
/// One processed activity id, its replies (stored without addressing, which the inbound activity restores), and
/// whether they were delivered. The replies are needed only when the channel sends the same activity again, so the
/// stored ones stay JSON, read into activities only when asked for and written back as they were.
/// </summary>
public sealed class ProcessedActivity
{
    private IReadOnlyList<Activity>? _replies;
    private JsonElement _stored;

    public required string Id { get; init; }

    [JsonIgnore]
    public IReadOnlyList<Activity> Replies
    {
        get => _replies ??= _stored.ValueKind == JsonValueKind.Array ? _stored.Deserialize(ActivityJson.Default.ListActivity)! : [];
        init => _replies = value;
    }

    /// <summary>Whether there are replies, answered without reading them.</summary>
    [JsonIgnore]
    public bool HasReplies => _replies is not null ? _replies.Count > 0 : _stored.ValueKind == JsonValueKind.Array && _stored.GetArrayLength() > 0;

    /// <summary>The replies as stored: what was read, unless they were read into activities (then those).</summary>
    [JsonInclude]
    [JsonPropertyName("replies")]
    private JsonElement StoredReplies
    {
        get => _replies is null && _stored.ValueKind == JsonValueKind.Array ? _stored : JsonSerializer.SerializeToElement(_replies ?? [], ActivityJson.Default.IReadOnlyListActivity);
        set => _stored = value;
    }

    public bool Delivered { get; set; }
}
