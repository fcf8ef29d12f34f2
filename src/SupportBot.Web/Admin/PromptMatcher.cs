using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>
/// Tells which prompt variant a line of the bot's came from, by its words: the variant with each <c>{variable}</c>
/// standing for some text, as written or with the customer's name left out (as the bot says it when a line just
/// before named them). So the studio can link a line the bot said to the wording to edit.
/// </summary>
public static class PromptMatcher
{
    private const string Stand = "Quillon";

    /// <summary>The key and variant of <paramref name="line"/>, or null when no variant reads so.</summary>
    public static (string Key, PromptVariant Variant)? Find(PromptCatalog catalog, string? line)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        foreach (var key in catalog.Keys)
        {
            foreach (var variant in catalog.Variants(key))
            {
                if (Forms(variant.Text).Any(form => Pattern(form).IsMatch(line)))
                {
                    return (key, variant);
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> Forms(string text)
    {
        yield return text;
        if (text.Contains("{name}", StringComparison.Ordinal))
        {
            yield return CaseVoice.WithoutName(text.Replace("{name}", Stand, StringComparison.Ordinal), Stand).Replace(Stand, "{name}", StringComparison.Ordinal);
            yield return CaseVoice.Unnamed(text.Replace("{name}", PromptCatalog.NameFallback, StringComparison.Ordinal));
        }
    }

    private static Regex Pattern(string form)
    {
        var pattern = Regex.Replace(Regex.Escape(form), @"\\\{[a-z_]+}", "(.*?)");
        return new Regex($"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
