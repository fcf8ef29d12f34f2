using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>The customer changing the remedy their case asks for: naming another one, or turning the one chosen down.</summary>
public static class RemedyChange
{
    /// <summary>
    /// Another remedy of the case's category named in <paramref name="text"/> ("actually no, just refund me, I don't
    /// trust it will turn up"), said at the brief: the case asks for it instead. True when the case changed.
    /// </summary>
    public static bool To(SupportCatalog catalog, SupportCase supportCase, string text)
    {
        if (supportCase?.RemedyId is null)
        {
            return false;
        }

        if (RemedyNames.NamedRemedy(catalog, supportCase, text) is not { } found || found.Value == supportCase.RemedyId
            || !catalog.Remedies.TryGetValue(found.Value, out var other))
        {
            if (!catalog.Remedies.TryGetValue(supportCase.RemedyId, out var current) || !Refuses(text, current) || PushbackReader.OwnWishAfterRefusal(text) is not { } wish)
            {
                return false;
            }

            // "NO. I don't want a replacement. I want the courier reported and a proper apology": their own remedy now.
            supportCase.RemedyId = null;
            supportCase.RemedyPaysFor = null;
            supportCase.RemedyWanted = PiiMasker.Mask(wish);
            return true;
        }

        supportCase.RemedyId = other.Id;
        supportCase.RemedyWanted = other.Title;
        supportCase.RemedyPaysFor = other.PaysFor;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> turns <paramref name="remedy"/> down: "I don't want a replacement", "no replacement".</summary>
    public static bool Refuses(string text, Remedy remedy) =>
        remedy.Synonyms.Append(remedy.Title).Any(words => Regex.IsMatch(text, $@"\b(?:don'?t|do\s+not|no|not|never)\s+(?:want\s+|need\s+)?(?:a\s+|an\s+|the\s+|any\s+)?{Regex.Escape(words)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
}
