namespace SupportBot.Core.Activities;

/// <summary>The body of a 200 answer to an <c>expectReplies</c> activity.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
