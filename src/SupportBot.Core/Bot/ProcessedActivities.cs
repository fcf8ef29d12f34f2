using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>
/// The last few activity ids a conversation processed, with the replies each produced and whether they reached
/// the channel, kept in conversation state: a channel's retry of the same activity is answered from here instead of
/// running the turn twice, and replies that never got through are sent again.
/// </summary>
public sealed class ProcessedActivities
{
    /// <summary>How many recent activity ids are remembered per conversation.</summary>
    public const int Capacity = 8;

    /// <summary>
    /// How many of the newest entries keep their replies once delivered: channels retry the latest activities, and
    /// keeping every reply would make each turn's state write several times larger. An older retry is still
    /// recognized; it is answered with no new replies.
    /// </summary>
    public const int RepliesKept = 2;

    public List<ProcessedActivity> Recent { get; init; } = [];

    public ProcessedActivity? Find(string id) => Recent.Find(p => p.Id == id);

    private static Activity Unaddressed(Activity reply) => reply with
    {
        ChannelId = null,
        ServiceUrl = null,
        Conversation = null,
        From = null,
        Recipient = null,
        ReplyToId = null,
        Locale = null,
    };

    /// <summary>
    /// Adds <paramref name="replies"/> to the entry of <paramref name="id"/> (a turn that followed it within the same
    /// delivery, such as the outcome of an action it queued); null when that entry is gone.
    /// </summary>
    public ProcessedActivity? Extend(string id, IReadOnlyList<Activity> replies)
    {
        var index = Recent.FindIndex(p => p.Id == id);
        if (index < 0)
        {
            return null;
        }

        var entry = new ProcessedActivity { Id = id, Replies = [.. Recent[index].Replies, .. replies.Select(Unaddressed)], Delivered = Recent[index].Delivered };
        Recent[index] = entry;
        return entry;
    }

    public ProcessedActivity Add(string id, IReadOnlyList<Activity> replies, bool delivered)
    {
        var entry = new ProcessedActivity { Id = id, Replies = [.. replies.Select(Unaddressed)], Delivered = delivered };
        Recent.Add(entry);
        if (Recent.Count > Capacity)
        {
            Recent.RemoveAt(0);
        }

        for (var i = 0; i < Recent.Count - RepliesKept; i++)
        {
            if (Recent[i].Delivered && Recent[i].HasReplies)
            {
                Recent[i] = new ProcessedActivity { Id = Recent[i].Id, Replies = [], Delivered = true };
            }
        }

        return entry;
    }
}
