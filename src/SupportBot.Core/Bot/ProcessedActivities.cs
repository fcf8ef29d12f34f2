using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>
/// The last few activity ids a conversation processed, with the replies each produced and whether they reached
/// the channel, kept in conversation state: a channel's retry of the same activity is answered from here instead of
/// running the turn twice, and replies that never got through are sent again.
/// </summary>
public sealed class ProcessedActivities
{
    /// <summary>How many recent activities are remembered per conversation.</summary>
    public const int Capacity = 8;

    public List<ProcessedActivity> Recent { get; init; } = [];

    public ProcessedActivity? Find(string id) => Recent.Find(p => p.Id == id);

    public ProcessedActivity Add(string id, IReadOnlyList<Activity> replies, bool delivered)
    {
        var entry = new ProcessedActivity { Id = id, Replies = replies, Delivered = delivered };
        Recent.Add(entry);
        if (Recent.Count > Capacity)
        {
            Recent.RemoveAt(0);
        }

        return entry;
    }
}

/// <summary>One processed activity id, its replies, and whether they were delivered.</summary>
public sealed class ProcessedActivity
{
    public required string Id { get; init; }

    public required IReadOnlyList<Activity> Replies { get; init; }

    public bool Delivered { get; set; }
}
