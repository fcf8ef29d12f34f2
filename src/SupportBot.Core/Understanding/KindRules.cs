using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding;

/// <summary>
/// The kinds rules tell better than a model: a message made only of a greeting, or only of thanks. Everything else
/// is left to the trained kind model.
/// </summary>
internal static partial class KindRules
{
    private static readonly HashSet<string> Greetings = ["hi", "hello", "hey", "heya", "hiya", "yo", "howdy", "hallo", "hola", "greetings", "sup", "morning", "afternoon", "evening", "hii", "hiii", "helo", "hellooo", "hello"];
    private static readonly HashSet<string> GreetingFillers = ["good", "there", "team", "all", "everyone", "guys", "folks", "support", "again", "whats", "up", "ya", "yall", "you", "people", "bot", "friend", "mate", "dear", "sir", "madam", "oh", "o", "ok", "okay"];
    private static readonly HashSet<string> Thanks = ["thanks", "thank", "thx", "thnx", "thanx", "ty", "tysm", "cheers", "appreciate", "appreciated", "grateful", "merci", "ta"];
    private static readonly HashSet<string> ThanksFillers = ["you", "so", "much", "very", "a", "lot", "many", "it", "i", "really", "that", "this", "great", "awesome", "perfect", "brilliant", "lovely", "helped", "helps", "fixed", "worked", "works", "did", "the", "trick", "sorted", "ok", "okay", "all", "good", "now", "for", "your", "help", "again", "guys", "team", "mate", "oh", "wow", "amazing", "excellent", "super", "kind", "of", "most", "kindly", "ever", "x", "xx", "heaps", "loads", "tons", "bye", "goodbye", "have", "nice", "day", "great"];

    /// <summary>Greeting, Thanks, Unclear (nothing readable), or null when the model should decide.</summary>
    public static MessageKind? Read(string text)
    {
        if (MoreWordsThan(text, 12))
        {
            // Too long for a greeting or thanks alone (and it has words, so it is not unclear).
            return null;
        }

        var words = TextFeaturizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return MessageKind.Unclear;
        }

        if (words.Length <= 6 && words.Any(Greetings.Contains) && words.All(w => Greetings.Contains(w) || GreetingFillers.Contains(w)))
        {
            return MessageKind.Greeting;
        }

        if (words.Length <= 12 && words.Any(Thanks.Contains) && words.All(w => Thanks.Contains(w) || ThanksFillers.Contains(w) || Greetings.Contains(w)))
        {
            return MessageKind.Thanks;
        }

        return null;
    }

    /// <summary>
    /// A message that only thanks or says goodbye ("thanks, bye", "ok bye", "take care"): it is answered with a goodbye,
    /// never added to a case or taken as the answer to a question.
    /// </summary>
    public static bool SignsOff(string? text) =>
        text is not null && (Read(text) == MessageKind.Thanks || ByeOnly().IsMatch(text));

    [GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|thanks|thank\s+you|ty|fine|right|alright|cool|whatever)[\s,!.]+)?(?:bye|goodbye|bye bye|see you|see ya|take care|cheers|have a good (?:day|one|evening))\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByeOnly();

    /// <summary>Whether <paramref name="text"/> has more than <paramref name="most"/> words as <see cref="TextFeaturizer.Normalize(string)"/> splits it, counted without allocating.</summary>
    private static bool MoreWordsThan(string text, int most)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, TextFeaturizer.MaxCharacters)))
        {
            if (char.IsLetter(c) || char.IsDigit(c))
            {
                inWord = true;
            }
            else if (c is not ('\'' or '’' or '‘' or '`') && inWord)
            {
                inWord = false;
                if (++words > most)
                {
                    return true;
                }
            }
        }

        return words + (inWord ? 1 : 0) > most;
    }
}
