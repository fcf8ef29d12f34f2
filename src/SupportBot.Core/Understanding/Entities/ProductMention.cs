namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A product, app or device a customer named: "my iPhone 15" gives <see cref="Name"/> "iPhone 15"; "the Roku app,
/// version 3.2.1" gives "Roku app" with <see cref="Version"/> "3.2.1"; "the lamp" gives "lamp".
/// </summary>
public sealed record ProductMention
{
    /// <summary>The product as the customer named it, known brands in their usual spelling; null for a version alone.</summary>
    public string? Name { get; init; }

    /// <summary>What sort of thing it is.</summary>
    public required ProductKind Kind { get; init; }

    /// <summary>The version when given ("3.2.1" from "version 3.2.1", "17.4" from "iOS 17.4"), or null.</summary>
    public string? Version { get; init; }

    /// <summary>The words as written ("my iPhone 15").</summary>
    public required string Text { get; init; }

    /// <summary>Where <see cref="Text"/> starts in the message.</summary>
    public required int Start { get; init; }

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;
}
