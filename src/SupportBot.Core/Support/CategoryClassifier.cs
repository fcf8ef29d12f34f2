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
                if (joined.Contains(" " + keyword + " ", StringComparison.Ordinal))
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
}
