namespace SupportBot.Core.Support;

/// <summary>Whether the bot may grant a remedy itself, and if not, why a colleague must approve it.</summary>
public sealed record ApprovalCheck(bool AutoApproved, string? Reason);
