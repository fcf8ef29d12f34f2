using System.Text.RegularExpressions;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Support;

/// <summary>
/// Answers a question about a remedy under way from what the bot already told or knows of it: "will I get an
/// email?", "how long will it take?", "do I have to take it to the post office?" are answered by the sentence of its
/// promise (<c>asked</c>) or of its <c>about</c> that speaks of it, never passed to a colleague as though unknown.
/// </summary>
internal static partial class KnownAnswer
{
    /// <summary>The answer to <paramref name="question"/> from <paramref name="remedy"/>'s <c>about</c>, filled for the case, and <paramref name="promise"/>.</summary>
    public static string? From(string? question, Remedy? remedy, SupportCase supportCase, string? promise = null) =>
        remedy is null ? null : From(question, promise, RemedyFacts.Wording(remedy.About, supportCase, supportCase.RemedyAmount()));

    /// <summary>
    /// The sentences of <paramref name="promise"/> and <paramref name="about"/> that answer <paramref name="question"/>,
    /// or null when the question is about something neither speaks of.
    /// </summary>
    public static string? From(string? question, string? promise, string? about)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return null;
        }

        var topics = new List<Regex>();
        if (AsksAboutEmail().IsMatch(question))
        {
            topics.Add(SpeaksOfEmail());
        }

        if (AsksHowLong().IsMatch(question))
        {
            topics.Add(SpeaksOfTime());
        }

        if (AsksAboutSendingBack().IsMatch(question))
        {
            topics.Add(SpeaksOfSendingBack());
        }

        if (topics.Count == 0)
        {
            return null;
        }

        // What the customer was promised answers first; its about only where the promise does not say. Every topic
        // asked about must be answered, or the question is not one the bot can answer alone.
        foreach (var sentences in new[] { Sentences(promise).ToList(), Sentences(about).ToList(), [.. Sentences(promise), .. Sentences(about)] })
        {
            var answer = sentences.Where(s => topics.Any(t => t.IsMatch(s))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (answer.Count > 0 && topics.All(t => answer.Exists(t.IsMatch)))
            {
                return string.Join(' ', answer);
            }
        }

        return null;
    }

    private static IEnumerable<string> Sentences(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : SentenceEnd().Split(text.Trim()).Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s[1..].TrimEnd() + (s.TrimEnd().EndsWith('.') ? string.Empty : "."));

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:e-?mails?|texts?|sms|confirm(?:ation|ed|s)?|notif(?:y|ied|ication))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksAboutEmail();

    [GeneratedRegex(@"\be-?mail", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOfEmail();

    [GeneratedRegex(@"\b(?:how\s+(?:long|soon|quick(?:ly)?|fast|many\s+days)|when\s+(?:will|would|do|does|should|can)|by\s+when|what\s+time|arrive)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksHowLong();

    [GeneratedRegex(@"\b(?:within|usually|working\s+days?|hours?|minutes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOfTime();

    [GeneratedRegex(@"\b(?:labels?|post\s+office|postage|send\s+(?:it|the\s+\w+(?:\s+one)?|them)\s+back|return\s+(?:it|the\s+\w+)|drop\s+(?:it\s+)?off|courier\s+collect|collect(?:ed|ion)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksAboutSendingBack();

    [GeneratedRegex(@"\b(?:label|collect(?:s|ed|ion)?|send\s+the\s+\w+\s+one\s+back|send\s+it\s+back)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOfSendingBack();
}
