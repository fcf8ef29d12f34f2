using System.Text.RegularExpressions;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Support;

/// <summary>
/// Replies at the remedies that are no plain choice: "if I choose the replacement, would it arrive before Saturday?"
/// (a question about a remedy, asked before or while they are on screen) and "neither - I want it to end on the 30th"
/// (none of them, whatever else the message names).
/// </summary>
public static partial class RemedyQuestion
{
    /// <summary>Whether <paramref name="text"/> asks what would follow if a remedy were chosen.</summary>
    public static bool AsksIfChosen(string? text) => !string.IsNullOrWhiteSpace(text) && IfIChoose().IsMatch(text);

    /// <summary>
    /// What the catalog says of the remedy <paramref name="text"/> asks about ("A replacement: our dispatch team books
    /// it within a working day…"); null when it asks no such thing.
    /// </summary>
    public static string? About(SupportCatalog catalog, SupportCase supportCase, string text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(supportCase);
        if (!AsksIfChosen(text) || RemedyNames.NamedRemedy(catalog, supportCase, text) is not { } named || catalog.Remedies[named.Value] is not { About.Length: > 0 } remedy)
        {
            return null;
        }

        var title = remedy.Title.Length == 0 ? remedy.Title : char.ToUpperInvariant(remedy.Title[0]) + remedy.Title[1..];
        return $"{title}: {RemedyFacts.Wording(remedy.About, supportCase, supportCase.RemedyAmount()).TrimEnd('.')}.";
    }

    [GeneratedRegex(@"^\W*(?:(?:and|so|but|ok(?:ay)?|well)[\s,]+)?(?:if|say)\s+i\s+(?:choose|chose|pick|picked|go\s+(?:for|with)|take|took|opt\s+for|went\s+(?:for|with))\b[^?]*\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IfIChoose();

    /// <summary>Whether <paramref name="text"/> opens by turning down every remedy offered ("neither", "none of these").</summary>
    public static bool RefusesAll(string? text) => !string.IsNullOrWhiteSpace(text) && Neither().IsMatch(text);

    /// <summary>What <paramref name="text"/> wants instead ("I want it to end on the 30th of next month"), or null.</summary>
    public static string? WishInstead(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : WantedInstead().Match(text) is { Success: true } wish ? wish.Value.Trim() : null;

    /// <summary>"Neither", "none of these": no remedy offered, whatever the rest of the message names.</summary>
    [GeneratedRegex(@"^\W*(?:neither|none\s+of\s+(?:these|those|them|that|the\s+above)|not\s+(?:those|these|either\s+of\s+them))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Neither();

    /// <summary>"I want it to end on the 30th of next month": what they want instead, in their words.</summary>
    [GeneratedRegex(@"\bi\s+(?:just\s+|only\s+|really\s+)?(?:want|need|'d\s+like|would\s+like)\s+(?!to\s+know\b|to\s+ask\b)[^.!?]{3,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WantedInstead();
}
