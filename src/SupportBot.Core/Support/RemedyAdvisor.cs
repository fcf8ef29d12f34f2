using System.Globalization;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Support;

/// <summary>
/// Applies the catalog's approval rules in the customer's best interest: the remedies that fit the category are
/// offered best first, and each is granted on the spot when the rules allow, otherwise passed on for approval
/// with the reason spelled out for the colleague.
/// </summary>
public static class RemedyAdvisor
{
    /// <summary>The remedies to offer for the category, in the catalog's order (best for the customer first), at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Remedy> Offer(SupportCatalog catalog, string? category, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Category(category ?? SupportCatalog.Other).Remedies.Where(catalog.Remedies.ContainsKey).Select(id => catalog.Remedies[id]).Take(max)];
    }

    /// <summary>Checks every rule of <paramref name="remedy"/> against the case and the customer.</summary>
    public static ApprovalCheck Check(Remedy remedy, decimal? amount, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        ArgumentNullException.ThrowIfNull(profile);
        var rules = remedy.Approval;
        if (rules.Always)
        {
            return new ApprovalCheck(false, $"{remedy.Title} always needs a colleague's approval");
        }

        if (rules.Tiers is { Count: > 0 } tiers && !tiers.Contains(profile.Tier, StringComparer.OrdinalIgnoreCase))
        {
            return new ApprovalCheck(false, $"granted automatically only to {string.Join(" and ", tiers)} customers; this customer is {profile.Tier}");
        }

        if (rules.MaxPriorRemedies is { } maxPrior && profile.RemediesGranted > maxPrior)
        {
            return new ApprovalCheck(false, $"the customer has already had {profile.RemediesGranted} remedies (automatic up to {maxPrior})");
        }

        if (rules.AutoUpTo is { } limit)
        {
            if (amount is null)
            {
                return new ApprovalCheck(false, "the order value is not known, and this remedy is granted automatically only up to " + limit.ToString("0.##", CultureInfo.InvariantCulture));
            }

            if (amount > limit)
            {
                return new ApprovalCheck(false, $"the amount {amount.Value.ToString("0.##", CultureInfo.InvariantCulture)} is over the automatic limit of {limit.ToString("0.##", CultureInfo.InvariantCulture)}");
            }
        }

        return new ApprovalCheck(true, null);
    }
}
