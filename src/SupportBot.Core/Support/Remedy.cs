namespace SupportBot.Core.Support;

/// <summary>A remedy the bot can offer: what the customer gets, what happens next, and its approval rules.</summary>
public sealed record Remedy(string Id, string Title, string NextSteps, ApprovalRules Approval);
