namespace SupportBot.Core.Support;

/// <summary>Chooses how warmly to acknowledge a complaint from how negative its words are.</summary>
public static class EmpathyPicker
{
    private static readonly HashSet<string> NegativeWords = new(StringComparer.Ordinal)
    {
        "angry", "annoyed", "awful", "bad", "broken", "damaged", "disappointed", "frustrated", "furious", "hate",
        "horrible", "late", "lost", "missing", "never", "not", "poor", "terrible", "upset", "useless", "worst", "wrong",
    };

    /// <summary>How many of the complaint's words are plainly negative.</summary>
    public static int CountNegativeWords(string? text)
    {
        var count = 0;
        foreach (var word in (text ?? string.Empty).ToLowerInvariant().Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries))
        {
            if (NegativeWords.Contains(word.Trim('\'')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The empathy prompt key for that many negative words.</summary>
    public static string PromptKey(int negativeWords) => negativeWords switch
    {
        0 => SupportPrompts.EmpathyNeutral,
        <= 2 => SupportPrompts.EmpathyMild,
        _ => SupportPrompts.EmpathySevere,
    };

    private static readonly char[] WordBreaks = [' ', '\t', '\n', '\r', '.', ',', '!', '?', ';', ':', '"', '(', ')'];
}
