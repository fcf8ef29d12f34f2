using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Support;

/// <summary>
/// Picks the category a complaint belongs to from the catalog's keywords. It answers only when one category
/// clearly leads; otherwise it returns null and the bot asks, rather than guess.
/// </summary>
public static class CategoryClassifier
{
    /// <summary>The category id, or null when unsure (no keyword, or a tie).</summary>
    public static string? Classify(string? text, SupportCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var tokens = ChoiceRecognizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var joined = " " + string.Join(' ', tokens) + " ";
        string? best = null;
        double bestScore = 0, secondScore = 0;
        foreach (var category in catalog.Categories)
        {
            double score = 0;
            foreach (var keyword in category.Keywords)
            {
                if (ContainsWords(joined, keyword))
                {
                    // A phrase says more than a single word.
                    score += keyword.Contains(' ', StringComparison.Ordinal) ? 2 : 1;
                }
            }

            if (score > bestScore)
            {
                secondScore = bestScore;
                bestScore = score;
                best = category.Id;
            }
            else if (score > secondScore)
            {
                secondScore = score;
            }
        }

        return bestScore > 0 && bestScore > secondScore ? best : null;
    }

    /// <summary>Whether <paramref name="keyword"/> stands in <paramref name="joined"/> (space-separated, a space at each end) as whole words.</summary>
    private static bool ContainsWords(string joined, string keyword)
    {
        for (var at = joined.IndexOf(keyword, StringComparison.Ordinal); at >= 0 && keyword.Length > 0; at = joined.IndexOf(keyword, at + 1, StringComparison.Ordinal))
        {
            var end = at + keyword.Length;
            if (at > 0 && joined[at - 1] == ' ' && end < joined.Length && joined[end] == ' ')
            {
                return true;
            }
        }

        return false;
    }
}
