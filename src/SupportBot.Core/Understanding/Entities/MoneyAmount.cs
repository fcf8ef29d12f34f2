namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// One amount of money in a customer's message: "a £12 express delivery charge" is 12 GBP for
/// "express delivery charge" (<see cref="MoneyPurpose.Delivery"/>), found at <see cref="Start"/> as "£12".
/// </summary>
public sealed record MoneyAmount
{
    /// <summary>The amount, in the currency's main unit ("99p" is 0.99).</summary>
    public required decimal Value { get; init; }

    /// <summary>The ISO 4217 code: written ("£", "euros", "USD") or the default passed in for a bare number.</summary>
    public required string Currency { get; init; }

    /// <summary>The amount as written ("£1,200.50", "89 quid").</summary>
    public required string Text { get; init; }

    /// <summary>Where <see cref="Text"/> starts in the message.</summary>
    public required int Start { get; init; }

    /// <summary>The length of <see cref="Text"/>.</summary>
    public int Length => Text.Length;

    /// <summary>Whether the currency was written rather than taken from the default.</summary>
    public bool CurrencyWritten { get; init; } = true;

    /// <summary>What the amount is for.</summary>
    public MoneyPurpose Purpose { get; init; }

    /// <summary>The words naming what it is for ("lamp", "express delivery charge"), or null.</summary>
    public string? PurposeText { get; init; }

    /// <summary>Whether the amount is per item or per charge ("12.99 each", "$12.99 each time").</summary>
    public bool Each { get; init; }

    /// <summary>How many times it applies when the text says ("charged twice, $12.99 each time" gives 2).</summary>
    public int? Count { get; init; }

    /// <summary>Whether it is a delivery fee or another charge beside the thing bought, never to be taken for its price.</summary>
    public bool IsSideCharge() => Purpose is MoneyPurpose.Delivery or MoneyPurpose.Fee;

    /// <summary>The amount written for a customer: "£89.00", "$60.00", "CHF 30.00".</summary>
    public override string ToString() => MoneyFormatter.Format(Value, Currency);
}
