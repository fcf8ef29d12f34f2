using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// Finds an apology that doesn't say what it is for ("Sorry.", "Sorry about that.", "We apologize for any
/// inconvenience."). A customer hears those as a script; an apology that names the thing ("I'm sorry your refund
/// has taken three weeks") tells them they were listened to.
/// </summary>
/// <remarks>
/// The heuristic, per sentence (split at <c>. ! ? ;</c> and line breaks) holding an apology word (sorry,
/// apology, apologies, apologize/apologise and their forms):
/// <list type="number">
/// <item>Only the words after the apology word count: put the what-for after it.</item>
/// <item>Leading intensifiers ("so", "truly"), <c>{name}</c> and commas are skipped; what follows runs to the
/// next comma, colon, dash or bracket, or to an "and"/"but" that starts a new clause.</item>
/// <item>A phrase opened by "for", "about", "to", "over", "regarding", "if" or "of" must hold at least one
/// specific word: not a function word ("the", "any", "that", "your") and not a stock word ("inconvenience",
/// "trouble", "delay", "wait", "caused", "hear"). "Sorry for the delay" is bare; "sorry for the delay with your
/// refund" is not.</item>
/// <item>Anything else is read as a clause ("I'm sorry we let you down") and must hold at least two words that
/// are neither function words nor words that put it on the customer's feelings ("you feel that way", "you're
/// upset", "that happened").</item>
/// <item>Any variable other than <c>{name}</c> (e.g. <c>{issue}</c>) counts as a specific word.</item>
/// </list>
/// </remarks>
public static partial class BareApologyFinder
{
    private static readonly FrozenSet<string> ApologyWords = Set(
        "sorry", "apology", "apologies", "apologize", "apologizes", "apologized", "apologizing",
        "apologise", "apologises", "apologised", "apologising");

    /// <summary>Skipped between the apology word and what it is for.</summary>
    private static readonly FrozenSet<string> Leading = Set(
        "so", "very", "really", "truly", "deeply", "sincerely", "terribly", "awfully", "extremely", "genuinely",
        "most", "again", "once", "too", "{name}");

    private static readonly FrozenSet<string> PhraseOpeners = Set("for", "about", "to", "over", "regarding", "if", "of", "re");

    /// <summary>Words that start a new clause after "and"/"but": "sorry about that, and we'll ..." ends at "and".</summary>
    private static readonly FrozenSet<string> ClauseStarters = Set(
        "i", "we", "i'll", "we'll", "i'm", "we're", "i've", "we've", "i'd", "we'd", "let's", "let", "please", "thanks",
        "thank", "you", "you'll", "you're", "it's", "that's", "here's");

    private static readonly FrozenSet<string> FunctionWords = Set(
        "a", "an", "the", "and", "or", "but", "so", "very", "really", "truly", "just", "such", "again", "once", "too",
        "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "it", "its", "this", "that",
        "these", "those", "they", "them", "their", "he", "she", "him", "her", "his", "one", "all", "any", "some",
        "what", "which", "who", "whom", "there", "here",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
        "done", "will", "would", "can", "could", "shall", "should", "may", "might", "must",
        "i'm", "we're", "you're", "they're", "it's", "that's", "there's", "here's", "we've", "i've", "you've",
        "we'd", "i'd", "you'd", "we'll", "i'll", "you'll", "it'll", "let's",
        "of", "in", "on", "at", "by", "with", "for", "about", "to", "from", "into", "as", "if", "re", "regarding",
        "{name}");

    /// <summary>Stock words that name no particular thing: what "sorry for the ..." too often ends with.</summary>
    private static readonly FrozenSet<string> StockWords = Set(
        "inconvenience", "inconveniences", "inconvenienced", "trouble", "troubles", "hassle", "bother", "confusion",
        "mix", "up", "mixup", "misunderstanding", "delay", "delays", "wait", "waiting", "waited", "issue", "issues",
        "problem", "problems", "situation", "matter", "experience", "experiences", "caused", "cause", "causing",
        "everything", "anything", "hear", "hearing", "heard", "learn", "learning", "keep", "keeping", "kept",
        "error", "errors", "mistake", "mistakes", "oversight", "frustration", "frustrations", "disappointment",
        "difficulty", "difficulties", "way", "feel", "feeling", "feelings", "happened", "late", "reply", "response",
        "said", "say", "saying", "interruption", "interrupt");

    /// <summary>Words that put the apology on the customer's reaction rather than on what went wrong.</summary>
    private static readonly FrozenSet<string> Deflecting = Set(
        "feel", "feels", "felt", "feeling", "way", "upset", "frustrated", "disappointed", "annoyed", "angry",
        "unhappy", "inconvenienced", "happened", "happen", "happens", "think", "thought", "believe", "perceive",
        "perceived", "see", "saw");

    /// <summary>
    /// Returns the first sentence of <paramref name="text"/> that apologizes without saying what for, or null when
    /// every apology in it is specific (or there is none).
    /// </summary>
    public static string? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match sentence in Sentence().Matches(text))
        {
            if (IsBare(Tokens(sentence.Value)))
            {
                return sentence.Value.Trim();
            }
        }

        return null;
    }

    private static bool IsBare(List<string> tokens)
    {
        var start = tokens.FindIndex(ApologyWords.Contains);
        if (start < 0)
        {
            return false;
        }

        var i = start + 1;
        while (i < tokens.Count && (ApologyWords.Contains(tokens[i]) || Leading.Contains(tokens[i]) || IsBreak(tokens[i])))
        {
            i++;
        }

        var complement = new List<string>();
        for (; i < tokens.Count && !IsBreak(tokens[i]); i++)
        {
            if (tokens[i] is "and" or "but" && complement.Count > 0 && i + 1 < tokens.Count && ClauseStarters.Contains(tokens[i + 1]))
            {
                break;
            }

            complement.Add(tokens[i]);
        }

        if (complement.Count == 0)
        {
            return true;
        }

        if (PhraseOpeners.Contains(complement[0]))
        {
            return !complement.Skip(1).Any(w => !FunctionWords.Contains(w) && !StockWords.Contains(w));
        }

        return complement.Count(w => !FunctionWords.Contains(w) && !Deflecting.Contains(w)) < 2;
    }

    private static List<string> Tokens(string sentence) =>
        [.. Token().Matches(sentence).Select(m => m.Value.Replace('\u2019', '\'').ToLowerInvariant())];

    private static bool IsBreak(string token) => token is "," or ":" or "(" or ")" or "-" or "\u2013" or "\u2014";

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[^.!?;\n\u2026]+[.!?;\u2026]*")]
    private static partial Regex Sentence();

    // A {variable}, a word with its contractions ("I'm", "didn't"), or a break: comma, colon, bracket, dash.
    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}|[\p{L}\p{N}]+(?:['\u2019]\p{L}+)*|[,:()\u2013\u2014]|(?<=\s)-(?=\s)")]
    private static partial Regex Token();
}
