namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A customer saying they gave something before: "as I said, it's the lamp" is the reminder "as I said" with
/// <see cref="Rest"/> "it's the lamp"; "I already told you" is a reminder alone (<see cref="Rest"/> null).
/// </summary>
public sealed record AlreadyTold
{
    /// <summary>The words of the reminder ("I already told you", "read my first message").</summary>
    public required string Text { get; init; }

    /// <summary>What the customer wrote besides the reminder, or null when the reminder is all there is.</summary>
    public string? Rest { get; init; }
}
