namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// A customer putting right something said before: "No, the lamp cost 89 pounds" corrects the
/// <see cref="EntityKind.Amount"/> to £89 for "lamp"; "actually it was £89 not £12" does too, and rules out "£12".
/// Exactly the property for <see cref="Slot"/> is set.
/// </summary>
public sealed record Correction
{
    /// <summary>Which slot the correction changes.</summary>
    public required EntityKind Slot { get; init; }

    /// <summary>The corrected amount, when <see cref="Slot"/> is <see cref="EntityKind.Amount"/>.</summary>
    public MoneyAmount? Amount { get; init; }

    /// <summary>The corrected date, when <see cref="Slot"/> is <see cref="EntityKind.Date"/>.</summary>
    public DateMention? Date { get; init; }

    /// <summary>The corrected order number, when <see cref="Slot"/> is <see cref="EntityKind.OrderNumber"/>.</summary>
    public OrderNumber? OrderNumber { get; init; }

    /// <summary>The corrected contact, when <see cref="Slot"/> is <see cref="EntityKind.Contact"/>.</summary>
    public ContactPoint? Contact { get; init; }

    /// <summary>The corrected product, when <see cref="Slot"/> is <see cref="EntityKind.Product"/>.</summary>
    public ProductMention? Product { get; init; }

    /// <summary>The value the customer ruled out, as written ("£12" in "£89 not £12"), or null.</summary>
    public string? Rejected { get; init; }

    /// <summary>The words that made it a correction ("No,", "actually", "sorry, I meant", "not").</summary>
    public required string Marker { get; init; }
}
