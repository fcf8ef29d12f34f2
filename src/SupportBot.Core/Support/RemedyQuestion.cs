using System.Text.RegularExpressions;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Support;

/// <summary>
/// "If I choose the replacement, would it arrive before Saturday?": a question about a remedy, asked before or while
/// the remedies are on screen, never its choice.
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
        if (!AsksIfChosen(text) || RemedyDialog.NamedRemedy(catalog, supportCase, text) is not { } named || catalog.Remedies[named.Value] is not { About.Length: > 0 } remedy)
        {
            return null;
        }

        var title = remedy.Title.Length == 0 ? remedy.Title : char.ToUpperInvariant(remedy.Title[0]) + remedy.Title[1..];
        return $"{title}: {RemedyFacts.Wording(remedy.About, supportCase, supportCase.RemedyAmount()).TrimEnd('.')}.";
    }

    [GeneratedRegex(@"^\W*(?:(?:and|so|but|ok(?:ay)?|well)[\s,]+)?(?:if|say)\s+i\s+(?:choose|chose|pick|picked|go\s+(?:for|with)|take|took|opt\s+for|went\s+(?:for|with))\b[^?]*\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IfIChoose();
}
