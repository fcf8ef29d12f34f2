using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// A remedy the bot can offer: what the customer gets, how it is carried out, what the customer is told before and
/// once it is confirmed (or, for information, the next steps), and its approval rules.
/// </summary>
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

    /// <summary>How it is carried out: the business's webhook, a colleague, or nothing (information only).</summary>
    public RemedyFulfilment Fulfil { get; init; } = RemedyFulfilment.Information;

    /// <summary>
    /// For an action: what the customer is told while it is not confirmed yet, saying what will happen, by whom and by
    /// when ("I've asked our refunds team to return {amount} to your card; …"). Never claims it is done.
    /// </summary>
    public string Asked { get; init; } = string.Empty;

    /// <summary>
    /// What it involves and how long it takes ("the refunds team returns the money to the card you paid with, usually
    /// within two working days"), told when the customer asks at the choice. Empty when the catalog doesn't say.
    /// </summary>
    public string About { get; init; } = string.Empty;

    /// <summary>For an action: what the customer is told once it is confirmed done ("Your refund of {amount} is on its way …").</summary>
    public string Done { get; init; } = string.Empty;

    /// <summary>
    /// The facts carrying it out needs (<see cref="RemedyFacts.Needs"/>): without them the business's system cannot act,
    /// so a colleague carries it out instead.
    /// </summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>When it may be offered at all (<see cref="RemedyFacts.Conditions"/>): a reset link by email only to a customer who can open that email.</summary>
    public IReadOnlyList<string> OfferedWhen { get; init; } = [];
}
