using SupportBot.Core.Cases;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Applies the catalog's approval rules in the customer's best interest: the remedies that fit the category are
/// offered best first, and each is granted on the spot when the rules allow, otherwise passed on for approval
/// with the reason spelled out for the colleague. Money is weighed with its currency and only for what it was said
/// to be for (<see cref="Remedy.PaysFor"/>).
/// </summary>
public static class RemedyAdvisor
{
    /// <summary>
    /// The remedies to offer for the case's category, in the catalog's order (best for the customer first), at most
    /// <paramref name="max"/>; one that pays back a delivery fee only when the customer mentioned one, and one with
    /// a condition (<see cref="Remedy.OfferedWhen"/>) only when it is known to hold. One the customer already asked
    /// for in their own words ("I'd like the delivery fee back") comes first, so their wish is never left off.
    /// </summary>
    public static IReadOnlyList<Remedy> Offer(SupportCatalog catalog, SupportCase supportCase, int max = 3)
    {
        var fitting = Candidates(catalog, supportCase).Where(r => RemedyFacts.MayOffer(r, supportCase)).ToList();
        var wished = RemediesWanted.Wished(supportCase.Said(), fitting);
        return [.. wished.Concat(fitting.Except(wished)).Take(max)];
    }

    /// <summary>Whether the bot must first ask something (can they open their email?) to know which remedies to offer.</summary>
    public static bool MustAskFirst(SupportCatalog catalog, SupportCase supportCase, int max = 3) =>
        Candidates(catalog, supportCase).Take(max).Any(r => RemedyFacts.MustAsk(r, supportCase));

    private static IEnumerable<Remedy> Candidates(SupportCatalog catalog, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(supportCase);
        return catalog.Category(supportCase.Category ?? SupportCatalog.Other).Remedies
            .Where(catalog.Remedies.ContainsKey)
            .Select(id => catalog.Remedies[id])
            .Where(r => r.PaysFor != MoneyPurpose.Delivery || supportCase.DeliveryFee is not null);
    }

    /// <summary>
    /// The amount <paramref name="remedy"/>'s rules weigh in the case: what it pays (its <see cref="Remedy.PaysFor"/>),
    /// or for a remedy that pays nothing, the item's value. Null when not known.
    /// </summary>
    public static MoneyAmount? AmountFor(Remedy remedy, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        return CaseAmounts.For(supportCase, remedy.PaysFor ?? MoneyPurpose.Item);
    }

    /// <summary>
    /// Checks every rule of <paramref name="remedy"/> against the amount it weighs and the customer; the amount must
    /// be in <paramref name="currency"/>, the currency of the catalog's limits (<c>Support:Currency</c>).
    /// </summary>
    public static ApprovalCheck Check(Remedy remedy, MoneyAmount? amount, UserProfile profile, string currency)
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

        if (rules.AutoUpTo is { } upTo)
        {
            var limit = MoneyFormatter.Format(upTo, currency);
            var what = remedy.PaysFor == MoneyPurpose.Delivery ? "the delivery charge" : "the amount";
            if (amount is null)
            {
                return new ApprovalCheck(false, $"{what} is not known, and {remedy.Title} is granted automatically only up to {limit}", AmountUnknown: true);
            }

            // The amount itself is shown beside the remedy wanted (and may yet be corrected); the reason says the rule.
            if (!string.Equals(amount.Currency, currency, StringComparison.OrdinalIgnoreCase))
            {
                return new ApprovalCheck(false, $"{what} is in {amount.Currency}, and the automatic limit is {limit}");
            }

            if (amount.Value > upTo)
            {
                return new ApprovalCheck(false, $"{what} is over the automatic limit of {limit}");
            }
        }

        return new ApprovalCheck(true, null);
    }
}
