namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A time a customer mentioned, resolved against the moment they wrote: "on the 3rd" written on 20 March is
/// 3 March; "since Friday" is from last Friday to today; "for 3 days" is a <see cref="Duration"/> with no dates.
/// </summary>
public sealed record DateMention
{
    /// <summary>What the mention resolves to.</summary>
    public required DateMentionKind Kind { get; init; }

    /// <summary>The day, or the first day of the range; null for a duration, or for "since" an event with no day ("since the update").</summary>
    public DateOnly? From { get; init; }

    /// <summary>The same day as <see cref="From"/> for a day, the range's last day (inclusive), today for "since" a day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The length of a duration ("for 3 days"); months count 30 days and years 365.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Whether the words were vague ("a few days ago", "a couple of weeks").</summary>
    public bool Approximate { get; init; }

    /// <summary>The words as written ("last Monday", "3rd of March").</summary>
    public required string Text { get; init; }

    /// <summary>Where <see cref="Text"/> starts in the message.</summary>
    public required int Start { get; init; }

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;
}
