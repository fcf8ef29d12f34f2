namespace SupportBot.Web.Admin;

/// <summary>A remedy's approval rules as <c>remedies.yaml</c> writes them (<c>approval:</c>); every field may be left out.</summary>
/// <param name="AutoUpTo">The largest amount granted without a colleague, in Support:Currency.</param>
/// <param name="MaxPriorRemedies">How many remedies the customer may already have had.</param>
/// <param name="Tiers">The customer tiers it is granted to automatically; empty for all.</param>
/// <param name="Always">Whether a colleague must always approve it.</param>
public sealed record ApprovalView(decimal? AutoUpTo, int? MaxPriorRemedies, IReadOnlyList<string>? Tiers, bool Always);
