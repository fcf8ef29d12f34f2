using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Recognises replies that give nothing: "I don't know", "dunno", "no idea", "not sure", "I can't find it",
/// "it's somewhere in my email" (unknown) and "there isn't one", "I don't have one", "n/a", "none",
/// "no order, it's the monthly plan" (none, with what was offered instead). A reply with a number of three digits or
/// more or an address in it is not a non-answer ("not sure, maybe 48213"; "I don't have it, it's 4 years old" is);
/// the dialog should read the slot's own entity first and treat a <see cref="NoAnswer"/> as the reply when that finds
/// nothing.
/// </summary>
public static partial class NoAnswerReader
{
    /// <summary>The non-answer in <paramref name="text"/>, or null when it gives something (or is empty).</summary>
    public static NoAnswer? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('@') || LongNumber().IsMatch(text))
        {
            return null;
        }

        var normalized = text.Replace('\u2019', '\'');
        var none = NoneGiven().Match(normalized);
        var unknown = Unknown().Match(normalized);
        var alternative = Alternative().Match(normalized);
        if (!none.Success && !unknown.Success)
        {
            return AlternativeOnly().IsMatch(normalized) && alternative.Success
                ? new NoAnswer { Kind = NoAnswerKind.None, Alternative = AlternativeOf(alternative), AlternativeText = alternative.Value.Trim(), Text = text.Trim() }
                : null;
        }

        var phrase = none.Success ? none : unknown;
        return new NoAnswer
        {
            Kind = none.Success ? NoAnswerKind.None : NoAnswerKind.Unknown,
            Alternative = alternative.Success ? AlternativeOf(alternative) : null,
            AlternativeText = alternative.Success ? alternative.Value.Trim() : null,
            Text = phrase.Value.Trim(),
        };
    }

    /// <summary>Whether <paramref name="text"/> gives nothing (<see cref="Read"/> is not null).</summary>
    public static bool GivesNothing(string? text) => Read(text) is not null;

    private static AlternativeKind AlternativeOf(Match match) =>
        match.Groups["sub"].Success ? AlternativeKind.Subscription
        : match.Groups["gift"].Success ? AlternativeKind.Gift
        : match.Groups["shop"].Success ? AlternativeKind.InStore
        : match.Groups["third"].Success ? AlternativeKind.ThirdParty
        : AlternativeKind.Account;

    /// <summary>A number long enough to be what was asked for ("not sure, maybe 48213"); "it's 4 years old" gives nothing.</summary>
    [GeneratedRegex(@"\d{3,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(
        @"\b(?:i\s+)?(?:don'?t|do\s+not|dont)\s+know\b|\bidk\b|\bdunno\b|\bno\s+(?:idea|clue)\b|\bnot\s+(?:sure|certain)\b|\bunsure\b"
        + @"|\b(?:i\s+)?(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not)\s+(?:find|remember|recall|locate|see|get\s+to|dig\s+(?:it|that)\s+out)\b"
        + @"|\b(?:i\s+)?(?:don'?t|do\s+not|dont)\s+(?:remember|recall|have\s+(?:it|that|the\s+\w+(?:\s+number)?))\b|\b(?:i\s+)?forg[eo]t(?:ten)?\b"
        + @"|\b(?:i\s+)?lost\s+(?:it|the\s+\w+)\b|\b(?:it'?s\s+|it\s+is\s+)?somewhere\s+in\s+(?:my\s+|the\s+)?(?:e-?mails?|inbox|messages|texts|account|papers|drawer)\b"
        + @"|\bhaven'?t\s+got\s+(?:it|that)\b|\bnot\s+(?:to\s+hand|on\s+me|with\s+me)\b|\bi'?d\s+(?:have|need)\s+to\s+(?:check|look)\b|\bbeats\s+me\b"
        + @"|\bhaven'?t\s+(?:a|the\s+foggiest|any)\s+(?:clue|idea)\b|^\s*\?+\s*$|^\s*(?:um+|erm+|hmm+)[\s.?!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unknown();

    [GeneratedRegex(
        @"\bthere\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not|aren'?t)\s+(?:one|any|an?\b)|\bthere'?s\s+(?:none|no\s+\w+)|\bthere\s+is\s+(?:none|no\s+\w+)|\b(?:don'?t|do\s+not)\s+think\s+there(?:'s|\s+is|\s+was)\s+(?:one|any)\b"
        + @"|\b(?:i\s+|we\s+)?(?:don'?t|do\s+not|dont|didn'?t|did\s+not|never)\s+(?:have|get|got|receive|received|make|place|placed|had)\s+(?:one|any(?:thing)?|an?\s+(?:order|order\s+number|number|reference|ref|receipt|confirmation))\b"
        + @"|\bno\s+(?:order|reference|ref|order\s+number|receipt|number|confirmation)\b|\bnot\s+(?:an?\s+)?order\b|\b(?:wasn'?t|isn'?t|it'?s\s+not)\s+an?\s+order\b"
        + @"|^\s*(?:n/?a|none|nothing|nope,?\s+none|no\s+one|not\s+applicable)\s*[.!]*\s*$|\bnot\s+applicable\b|\bdoesn'?t\s+apply\b|\bi\s+(?:didn'?t|did\s+not|never)\s+(?:order|buy|purchase)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoneGiven();

    [GeneratedRegex(
        @"(?:\b(?:the|my|a|an|our)\s+)?(?:(?<sub>\b(?:(?:monthly|annual|yearly)\s+(?:plan|subscription|membership|payment|fee)|subscription|membership|(?<=\b(?:the|my)\s+)plan|direct\s+debit|recurring\s+payment))"
        + @"|(?<gift>\b(?:gift|present)\b)|(?<shop>\b(?:in-?store|in\s+person|(?:in|at|from)\s+(?:the\s+|your\s+)?(?:store|shop)|over\s+the\s+counter)\b)"
        + @"|(?<third>\b(?:(?:on|from|through|via)\s+(?:amazon|ebay|etsy|argos)|third[-\s]party)\b)|(?<account>\b(?:on\s+)?my\s+account\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Alternative();

    /// <summary>A reply that only names an alternative: "it's the monthly plan", "it was a gift".</summary>
    [GeneratedRegex(@"^\s*(?:(?:oh|well|um|no|nope|sorry)[,.]?\s+)*(?:it'?s|it\s+is|it\s+was|that'?s|this\s+is|i\s+(?:bought|got)\s+it)?\s*(?:just\s+|only\s+)?(?:(?:the|my|a|an|our)\s+)?[\w\s-]{0,30}?(?:plan|subscription|membership|gift|present|in-?store|in\s+person|store|shop|amazon|ebay|etsy|argos|direct\s+debit)\s*[.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlternativeOnly();
}
