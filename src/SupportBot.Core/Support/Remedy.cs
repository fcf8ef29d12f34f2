using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>A remedy the bot can offer: what the customer gets, what happens next, and its approval rules.</summary>
public sealed record Remedy(string Id, string Title, string NextSteps, ApprovalRules Approval)
{
    /// <summary>Other words a customer may pick it with ("my money back" for a refund).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>
    /// What the money it pays back is for, when it pays money: <see cref="MoneyPurpose.Item"/> (the thing the case is
    /// about: the product, the order, the charge in dispute) or <see cref="MoneyPurpose.Delivery"/> (a delivery fee).
    /// Null for a remedy that pays nothing; its <c>auto_up_to</c> then weighs the item's value.
    /// </summary>
    public MoneyPurpose? PaysFor { get; init; }
}
