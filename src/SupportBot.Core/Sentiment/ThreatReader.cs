using System.Text.RegularExpressions;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// What a customer threatens, once the signals found a threat: to go to a lawyer, a regulator or a formal complaint
/// ("formal"), to tell others ("public": reviews, social media, the press), or else to leave ("leaving": cancel,
/// switch, never again). Each is answered in its own words; none is ever passed over.
/// </summary>
public static partial class ThreatReader
{
    /// <summary>The kinds of threat, each with empathy lines of its own.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["leaving", "public", "formal"];

    /// <summary>The kind of threat in <paramref name="text"/>, or null when <paramref name="signals"/> found none.</summary>
    public static string? Kind(string? text, FeelingSignal signals)
    {
        if ((signals & FeelingSignal.Threat) == 0 || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Formal().IsMatch(text) ? "formal" : Public().IsMatch(text) ? "public" : "leaving";
    }

    [GeneratedRegex(@"\b(?:sue|suing|lawsuit|lawyers?|attorneys?|legal|solicitors?|court|small\s+claims|class\s+action|report(?:ing)?\s+(?:you|this|it)|bbb|better\s+business|ftc|fcc|cfpb|trading\s+standards|ombudsman|consumer\s+(?:protection|affairs)|attorney\s+general|chargeback|charge\s+back|dispute\s+the\s+charge|(?:formal|official)\s+complaint|fil(?:e|ing)\s+a\s+complaint|ofcom|ofgem)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Formal();

    [GeneratedRegex(@"\b(?:reviews?|trustpilot|yelp|stars?|tell(?:ing)?\s+(?:everyone|all\s+my\s+friends)|warn(?:ing)?\s+(?:everyone|others|people)|go(?:ing)?\s+public|the\s+press|social\s+media|post(?:ing)?\s+this)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Public();
}
