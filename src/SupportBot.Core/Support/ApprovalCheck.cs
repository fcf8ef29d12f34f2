namespace SupportBot.Core.Support;

/// <summary>
/// Whether the bot may grant a remedy itself, and if not, why a colleague must approve it. <see cref="AmountUnknown"/>
/// is true when only the amount is missing: once the customer says it, the bot may grant the remedy after all.
/// </summary>
public sealed record ApprovalCheck(bool AutoApproved, string? Reason, bool AmountUnknown = false);
