namespace SupportBot.Core.Understanding.Entities;

/// <summary>What a money amount is for, as far as the text says.</summary>
public enum MoneyPurpose
{
    /// <summary>The text does not say ("it cost 89").</summary>
    Unspecified,

    /// <summary>The price of a thing bought ("the lamp cost 89 pounds").</summary>
    Item,

    /// <summary>Delivery, shipping or postage ("a £12 express delivery charge").</summary>
    Delivery,

    /// <summary>Any other fee or surcharge ("a £5 late fee").</summary>
    Fee,

    /// <summary>A charge taken from the customer ("they charged me $12.99", "$12.99 each time").</summary>
    Charge,

    /// <summary>A refund given or wanted ("a refund of £40").</summary>
    Refund,

    /// <summary>An order's or bill's total ("my order was £101").</summary>
    Total,

    /// <summary>A recurring price ("£9.99 a month", "the monthly plan is €15").</summary>
    Subscription,
}
