using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>
/// The last few activity ids a conversation processed, with the replies each produced, kept in conversation state
/// so a channel's retry of the same activity is answered from here instead of running the turn twice.
/// </summary>
public sealed class ProcessedActivities
{
    /// <summary>How many recent activities are remembered per conversation.</summary>
    public const int Capacity = 8;

    public List<ProcessedActivity> Recent { get; init; } = [];

    public ProcessedActivity? Find(string id) => Recent.Find(p => p.Id == id);

    public void Add(string id, IReadOnlyList<Activity> replies)
    {
        Recent.Add(new ProcessedActivity(id, replies));
        if (Recent.Count > Capacity)
        {
            Recent.RemoveAt(0);
        }
    }
}

/// <summary>One processed activity id and its replies.</summary>
public sealed record ProcessedActivity(string Id, IReadOnlyList<Activity> Replies);
