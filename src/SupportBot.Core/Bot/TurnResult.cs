using SupportBot.Core.Activities;

namespace SupportBot.Core.Bot;

/// <summary>What a processed turn produced: the replies, in order, and whether the activity had been seen before.</summary>
public sealed record TurnResult(IReadOnlyList<Activity> Replies, bool Duplicate);
