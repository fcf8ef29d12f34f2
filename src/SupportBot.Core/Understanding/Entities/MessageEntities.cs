namespace SupportBot.Core.Understanding.Entities;

/// <summary>Everything the entity readers found in one message (<see cref="EntityReader.ReadAll"/>).</summary>
public sealed record MessageEntities
{
    /// <summary>The amounts of money, in the order written.</summary>
    public required IReadOnlyList<MoneyAmount> Amounts { get; init; }

    /// <summary>The dates, ranges and durations, in the order written.</summary>
    public required IReadOnlyList<DateMention> Dates { get; init; }

    /// <summary>The order numbers, labelled ones first.</summary>
    public required IReadOnlyList<OrderNumber> OrderNumbers { get; init; }

    /// <summary>The e-mail addresses and phone numbers, in the order written.</summary>
    public required IReadOnlyList<ContactPoint> Contacts { get; init; }

    /// <summary>The products, apps and devices, in the order written.</summary>
    public required IReadOnlyList<ProductMention> Products { get; init; }

    /// <summary>The non-answer, when the message gives nothing.</summary>
    public NoAnswer? NoAnswer { get; init; }

    /// <summary>The correction, when the message puts something right.</summary>
    public Correction? Correction { get; init; }
}
