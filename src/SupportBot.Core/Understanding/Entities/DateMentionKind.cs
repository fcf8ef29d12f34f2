namespace SupportBot.Core.Understanding.Entities;

/// <summary>What a time mentioned in a message resolves to.</summary>
public enum DateMentionKind
{
    /// <summary>One day ("yesterday", "on the 3rd", "two weeks ago", "this morning").</summary>
    Day,

    /// <summary>Several days ("last week", "in March", "this month").</summary>
    Range,

    /// <summary>From a day until now ("since Friday", "since the update on the 12th"), or from an event with no day ("since the update").</summary>
    Since,

    /// <summary>A length of time with no date ("for 3 days", "two weeks").</summary>
    Duration,
}
