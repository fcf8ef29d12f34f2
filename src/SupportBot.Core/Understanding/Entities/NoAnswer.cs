namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A reply that gives nothing for the question asked: "I don't know, it's somewhere in my email" is
/// <see cref="NoAnswerKind.Unknown"/>; "no order, it's the monthly plan" is <see cref="NoAnswerKind.None"/> with
/// the alternative <see cref="AlternativeKind.Subscription"/>.
/// </summary>
public sealed record NoAnswer
{
    /// <summary>Unknown (there is one, not to hand) or none (there is nothing to give).</summary>
    public required NoAnswerKind Kind { get; init; }

    /// <summary>What the customer offered instead, or null.</summary>
    public AlternativeKind? Alternative { get; init; }

    /// <summary>The words naming the alternative ("the monthly plan"), or null.</summary>
    public string? AlternativeText { get; init; }

    /// <summary>The words that gave nothing ("I don't know", "there isn't one").</summary>
    public required string Text { get; init; }
}
