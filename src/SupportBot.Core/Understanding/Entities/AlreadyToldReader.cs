using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Recognises a customer saying they gave something before: "I already told you", "I said that already", "read my
/// first message", "as I said, it's the lamp", "I've told you twice", "like I said", "scroll up", "see above".
/// <see cref="Read"/> keeps what they added after it ("it's the lamp"), so the dialog can tell a bare reminder, which
/// answers nothing, from a repeated answer, which does.
/// </summary>
public static partial class AlreadyToldReader
{
    /// <summary>Words that add nothing to a reminder ("I already told you twice!! are you even reading?").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "i", "already", "told", "said", "you", "u", "ya", "that", "it", "this", "so", "ok", "okay", "omg", "ffs", "wtf", "seriously", "please", "pls",
        "again", "lol", "ugh", "yes", "yeah", "yep", "just", "the", "a", "did", "didn't", "didnt", "not", "read", "are", "even", "listening",
        "reading", "jeez", "god", "come", "on", "twice", "before", "times", "time", "above", "earlier", "hello", "man", "mate", "but", "and",
        "like", "honestly", "really", "literally", "do", "does", "don't", "dont", "have", "has", "me", "my", "message", "messages", "first",
        "last", "previous", "all", "of", "in", "up", "there", "here", "look", "is", "was", "its", "it's", "that's", "thats", "how", "many",
        "much", "once", "more", "one", "two", "three", "four", "five", "now", "again?", "what", "oh", "gosh", "for", "sake", "bot", "stupid",
        "same", "answer", "answered", "as", "what's", "whats", "wrong", "with", "your", "problem", "mentioned", "wrote", "explained",
        "to", "say", "tell", "repeat", "myself", "keep", "asking", "go", "through",
    };

    /// <summary>
    /// The reminder in <paramref name="text"/>, or null when it has none. <see cref="AlreadyTold.Rest"/> is what the
    /// customer added besides it, or null when the reminder is all they wrote.
    /// </summary>
    public static AlreadyTold? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalized = text.Replace('\u2019', '\'');
        var match = Reminder().Match(normalized);
        if (!match.Success)
        {
            return null;
        }

        var rest = (normalized[..match.Index] + " " + normalized[(match.Index + match.Length)..]).Trim();
        // "I told you 3 times" counts; "i already gave it. 77310" gives it again.
        var words = Words().Matches(rest).Select(m => m.Value).Where(w => !Filler.Contains(w) && !(w.All(char.IsAsciiDigit) && w.Length <= 2)).ToList();
        return new AlreadyTold
        {
            Text = match.Value.Trim(),
            Rest = words.Count == 0 ? null : rest.Trim(' ', ',', '.', ':', ';', '-', '!', '?'),
        };
    }

    /// <summary>Whether <paramref name="text"/> is only a reminder that the customer said it before, with nothing new.</summary>
    public static bool OnlyReminds(string? text) => Read(text) is { Rest: null };

    [GeneratedRegex(
        @"\b(?:i|i've|ive|i\s+have|we|we've)\s+(?:(?:already|just|literally|clearly|actually)\s+)*"
        + @"(?:told\s+(?:you|u|ya|y'all|them\s+and\s+you)|(?:said|mentioned|explained|answered|wrote|gave\s+(?:you|u))\s+(?:that|this|it|so)|gave\s+(?:you|u)\s+(?:the|my)\s+(?:order\s+(?:number|no|#)|number|details|info|email(?:\s+address)?|address|date|amount)|said(?=\s*(?:[,.!?:;-]|$|already\b|before\b|earlier\b|above\b|twice\b|\d+\s+times\b|in\s+my\b)))"
        + @"(?:\s+(?:already|before|earlier|above|twice|again|once|(?:\d+|two|three|four|five)\s+times|in\s+my\s+(?:first|last|previous|earlier|original)\s+(?:message|msg|post)))*\b"
        + @"|\b(?:as|like)\s+i\s+(?:already\s+)?(?:said|told\s+you|mentioned|wrote|explained|say|stated)\b(?:\s+(?:before|already|earlier|above))?"
        + @"|\b(?:read|check|see|look\s+at)\s+(?:my|the)\s+(?:first|last|previous|earlier|original|other|1st)?\s*(?:message|msg|post|messages|chat)\b"
        + @"|\bscroll\s+(?:up|back)\b|\bread\s+(?:above|back)\b|\bsee\s+above\b|\b(?:it'?s|its|it\s+is|that'?s|all)\s+(?:in\s+my\s+(?:first|last|previous|earlier)\s+(?:message|msg)|above|up\s+there)\b"
        + @"|\bhow\s+many\s+times\b|\bsame\s+as\s+(?:before|above|i\s+said)\b|\byou\s+(?:already\s+)?asked\s+(?:me\s+)?(?:that|this)(?:\s+already|\s+before)?\b"
        + @"|\b(?:did|do)(?:n'?t|\s+not)?\s+you\s+(?:even\s+)?read\b|\bare\s+you\s+(?:even\s+)?(?:reading|listening)\b|\balready\s+(?:told|said|answered|gave)\s+(?:you|that|it)\b(?:\s+(?:the|my)\s+(?:order\s+(?:number|no|#)|number|details|info|email(?:\s+address)?|address|date|amount))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reminder();

    [GeneratedRegex(@"[\p{L}\d'@#-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
