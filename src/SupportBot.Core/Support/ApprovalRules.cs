namespace SupportBot.Core.Support;

/// <summary>When the bot may grant a remedy itself; any rule that fails means a colleague approves it.</summary>
public sealed record ApprovalRules(decimal? AutoUpTo, int? MaxPriorRemedies, IReadOnlyList<string>? Tiers, bool Always);
