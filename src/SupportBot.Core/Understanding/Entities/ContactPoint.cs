namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// An e-mail address or phone number a customer gave, the only things a call-back may go to:
/// "(415) 555-0134" gives <see cref="Value"/> "4155550134", "+44 7700 900123" gives "+447700900123".
/// </summary>
public sealed record ContactPoint
{
    /// <summary>E-mail or phone.</summary>
    public required ContactKind Kind { get; init; }

    /// <summary>The address with its domain in lower case, or the number's digits with a leading "+" when international.</summary>
    public required string Value { get; init; }

    /// <summary>The contact as written.</summary>
    public required string Text { get; init; }

    /// <summary>Where <see cref="Text"/> starts in the message.</summary>
    public required int Start { get; init; }

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;
}
