namespace SupportBot.Core.Support;

/// <summary>A remedy the bot can offer: what the customer gets, what happens next, and its approval rules.</summary>
public sealed record Remedy(string Id, string Title, string NextSteps, ApprovalRules Approval)
{
    /// <summary>Other words a customer may pick it with ("my money back" for a refund).</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}
