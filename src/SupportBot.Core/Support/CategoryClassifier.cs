using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// Picks the category a complaint belongs to from the catalog's keywords, and decides it with the trained reader. It
/// answers only when one category clearly leads; otherwise it returns null and the bot asks, rather than guess.
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

    /// <summary>
    /// The category a message is filed under without asking: the trained reader's when it is confident (it reads the
    /// keywords too), the keywords' where it is unsure, and the keywords' where a phrase of them ("my refund", "never
    /// arrived") names the reader's own first or second guess. Null: ask the customer. Cross-validated on real first
    /// messages (<c>supportbot understand --score</c>), this is right more often, and wrong less often, than letting
    /// any keyword stand unless the reader is very sure, and asks as often.
    /// </summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="reading">The trained reader's reading of <paramref name="text"/>; none: the keywords alone.</param>
    /// <param name="catalog">The catalog in force.</param>
    public static string? Decide(string text, MessageReading? reading, SupportCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var keyword = Classify(text, catalog);
        if (reading is null || !catalog.Categories.Any(c => c.Id == reading.Category))
        {
            return keyword;
        }

        if (keyword is not null && reading.TopCategories.Any(c => c.Category == keyword) && HasPhrase(text, catalog.Category(keyword)))
        {
            return keyword;
        }

        return reading.IsConfident ? reading.Category : keyword;
    }

    /// <summary>Whether a keyword of several words of <paramref name="category"/> stands in <paramref name="text"/> ("my refund", "never arrived").</summary>
    public static bool HasPhrase(string? text, Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var joined = " " + string.Join(' ', ChoiceRecognizer.Tokenize(text)) + " ";
        return category.Keywords.Any(k => k.Contains(' ', StringComparison.Ordinal) && ContainsWords(joined, k));
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
