namespace SupportBot.Web.Admin;

/// <summary>What a change of a remedy's approval rules would have done to its past cases.</summary>
/// <param name="Considered">How many past cases of the remedy there are.</param>
/// <param name="NowToPerson">Granted automatically under today's rules, but sent to a person under the new ones.</param>
/// <param name="NowAutomatic">Sent to a person under today's rules, but granted automatically under the new ones.</param>
/// <param name="Note">What the cases are and what is assumed of them.</param>
public sealed record RuleImpact(int Considered, IReadOnlyList<PastCase> NowToPerson, IReadOnlyList<PastCase> NowAutomatic, string Note);
