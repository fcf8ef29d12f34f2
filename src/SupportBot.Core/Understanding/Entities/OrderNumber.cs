namespace SupportBot.Core.Understanding.Entities;

/// <summary>An order or reference number a customer gave: "order #A-99812" gives <see cref="Value"/> "A-99812".</summary>
public sealed record OrderNumber
{
    /// <summary>The number as the shop would look it up: upper case, without "#", spaces or trailing punctuation.</summary>
    public required string Value { get; init; }

    /// <summary>The number as written ("#a-99812").</summary>
    public required string Text { get; init; }

    /// <summary>Where <see cref="Text"/> starts in the message.</summary>
    public required int Start { get; init; }

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>Whether the customer named it ("order 48213", "ref: 7Q2LX9", "#48213") rather than it only looking like one.</summary>
    public bool Labelled { get; init; }
}
