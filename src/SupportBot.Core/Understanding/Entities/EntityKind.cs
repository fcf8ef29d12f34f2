namespace SupportBot.Core.Understanding.Entities;

/// <summary>The kinds of thing the entity readers find, and so the slots a correction can change.</summary>
public enum EntityKind
{
    /// <summary>An amount of money (<see cref="MoneyAmount"/>).</summary>
    Amount,

    /// <summary>A date, range or duration (<see cref="DateMention"/>).</summary>
    Date,

    /// <summary>An order or reference number (<see cref="Entities.OrderNumber"/>).</summary>
    OrderNumber,

    /// <summary>An e-mail address or phone number (<see cref="ContactPoint"/>).</summary>
    Contact,

    /// <summary>A product, app or device (<see cref="ProductMention"/>).</summary>
    Product,
}
