using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>
/// One processed activity id, its replies (stored without addressing, which the inbound activity restores), and
/// whether they were delivered.
/// </summary>
public sealed class ProcessedActivity
{
    public required string Id { get; init; }

    public required IReadOnlyList<Activity> Replies { get; init; }

    public bool Delivered { get; set; }
}
