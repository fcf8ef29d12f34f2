using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Recognises a customer pushing back on a question instead of answering it: asking why it is asked ("why do you
/// need that?", "what's that got to do with anything", "does it matter?", "what for?") or declining it ("skip",
/// "just fix it", "none of your business", "I'd rather not say"). Only a reply that is nothing but the pushback
/// counts: "why do you need that, it's the lamp" answers the question.
/// </summary>
public static partial class PushbackReader
{
    /// <summary>Words that add nothing to a pushback ("why do you even need that??", "ugh, just fix it please").</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.OrdinalIgnoreCase)
    {
        "ugh", "seriously", "honestly", "really", "come", "on", "please", "pls", "plz", "just", "ok", "okay", "so", "and", "but", "well",
        "omg", "ffs", "wtf", "lol", "man", "mate", "jeez", "god", "even", "exactly", "anyway", "anyways", "all", "this", "that", "it", "is",
        "the", "a", "i", "you", "me", "my", "now", "already", "again", "for", "of", "to", "about", "info", "information", "question", "questions",
        "stupid", "bloody", "damn", "hello", "sorry", "no", "nope",
    };

    /// <summary>
    /// Whether <paramref name="text"/>, offered a remedy, says nothing needs doing: "no thanks, I'm happy to wait a few
    /// more days", "leave it", "it's fine really", "no need, I just wanted you to know". A bare "no" is not this: it
    /// says none of the remedies fits.
    /// </summary>
    public static bool WantsNothingDone(string? text) => !string.IsNullOrWhiteSpace(text) && NothingDone().IsMatch(text);

    /// <summary>
    /// Whether <paramref name="text"/>, offered a colleague, turns one down: "no, don't bother a colleague, I'll look it
    /// up myself", "never mind, it's not that important", "is there not a page on your website I could look at instead?".
    /// </summary>
    public static bool DeclinesColleague(string? text) => !string.IsNullOrWhiteSpace(text) && NoColleague().IsMatch(text);

    [GeneratedRegex(@"\b(?:(?:don'?t|do\s+not|no\s+need\s+to)\s+bother(?:\s+(?:a|the|your|any)\s+(?:colleague|person|human|agent|anyone|one))?|no\s+need\s+(?:for\s+(?:a|the)\s+(?:colleague|person|human|agent)|to\s+pass\s+(?:it|this)\s+on)|never\s*mind|forget\s+(?:it|about\s+it)|not\s+that\s+important|i'?ll\s+(?:just\s+)?(?:look\s+(?:it\s+)?up|check|find\s+out|figure\s+(?:it\s+)?out|work\s+(?:it\s+)?out|google\s+it|ask\s+(?:somewhere|someone)\s+else)[^.!?]{0,25}?\b(?:myself|on\s+my\s+own|online|elsewhere|on\s+(?:your|the)\s+(?:website|site))|(?:a|any)\s+(?:page|faq|help\s+page|article)\s+on\s+(?:your|the)\s+(?:website|site)[^.!?]{0,30}\binstead)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoColleague();

    [GeneratedRegex(@"\b(?:(?:happy|fine|ok|okay|content|glad)\s+to\s+wait|i'?ll\s+(?:just\s+)?wait|(?:just\s+)?leave\s+it(?:\s+(?:then|for\s+now|there|be))?\s*(?:[.,!;]|$)|no\s+need(?:\s+for\s+anything)?|(?:i\s+)?don'?t\s+need\s+(?:anything|a\s+thing|any\s+of\s+(?:that|those|them))|(?:just|only)\s+(?:wanted|letting)\s+(?:to\s+let\s+)?you\s+know|it'?s\s+(?:fine|ok|okay|all\s+good|no\s+big\s+deal)(?:\s+(?:really|honestly|thanks))?\s*[.!]*\s*$|never\s*mind|nothing\s+(?:needed|for\s+now|thanks))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NothingDone();

    /// <summary>Whether <paramref name="text"/> only asks why the question is asked.</summary>
    public static bool AsksWhy(string? text) => OnlyThat(text, AsksWhyPhrase());

    /// <summary>
    /// Whether <paramref name="text"/> asks why the question is asked, alone or beside a few words and no figure: "why
    /// does that matter? he was RUDE", "oh wonderful, another question. does it matter?". For a reply that held no
    /// answer to the question: "why do you need that, it's the lamp" answers a question about the product after all.
    /// </summary>
    public static bool AsksWhyAmid(string? text) =>
        AsksWhy(text)
        || (text is not null && !text.Any(char.IsDigit) && AsksWhyPhrase().Match(text.Replace('\u2019', '\'')) is { Success: true } match
            && Words().Matches(text.Remove(match.Index, match.Length)).Count(w => !Filler.Contains(w.Value)) <= 4);

    /// <summary>Whether <paramref name="text"/> only declines to answer the question.</summary>
    public static bool Declines(string? text) => OnlyThat(text, DeclinesPhrase());

    /// <summary>
    /// Whether <paramref name="text"/> only asks what the bot will do about it ("what can you actually do about it?",
    /// "so are you going to fix it or not?", "what happens now?"): a question to answer, never what happens or what was tried.
    /// </summary>
    public static bool AsksWhatNext(string? text) => OnlyThat(text, AsksWhatNextPhrase());

    /// <summary>
    /// Whether <paramref name="text"/> asks what to try ("what could I try?", "any ideas?", "what do you suggest?"):
    /// asked what they already tried, it says nothing has been tried yet.
    /// </summary>
    public static bool AsksWhatToTry(string? text) => !string.IsNullOrWhiteSpace(text) && WhatToTry().IsMatch(text.Trim());

    /// <summary>
    /// Whether <paramref name="text"/> opens by asking how the fix would go: how long it takes, what happens, what
    /// the options are or how they differ ("ok and how long does it take", "do I have to send it back?", "what are my
    /// options?"). At the choice of remedy it is answered from the remedies; asked at "anything else?" it wants the fix.
    /// </summary>
    public static bool AsksAboutTheFix(string? text) => !string.IsNullOrWhiteSpace(text) && AboutTheFix().IsMatch(text.Trim());

    /// <summary>
    /// Whether <paramref name="text"/> asks a question in earnest: not "are you even listening??" or "WHY IS IT STILL
    /// LOCKED", which are anger, nor "hello??", which asks whether anyone is there.
    /// </summary>
    public static bool AsksInEarnest(string? text) =>
        ComplaintReader.ReadsAsQuestion(text) && !Rhetorical().IsMatch(text!) && !Calling().IsMatch(text!)
        && !(text!.Count(char.IsUpper) >= 8 && !text!.Any(char.IsLower));

    /// <summary>
    /// The words that turn a remedy down after the fact ("I didn't ask for a credit", "I never wanted the refund"): the
    /// clause from the turning down to its end, which names the remedy; null when the text turns nothing down.
    /// </summary>
    public static string? Disowning(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Disowns().Match(text.Replace('\u2019', '\'')) is { Success: true } match ? match.Value : null;

    /// <summary>
    /// Whether <paramref name="text"/> says in the customer's own words what they want ("I want an apology and for him
    /// to be disciplined", "I'd like someone to call me", "refund for the days I had no service"): at the choice of
    /// remedy it is their own remedy, not a miss.
    /// </summary>
    public static bool StatesOwnWish(string? text) => !string.IsNullOrWhiteSpace(text) && OwnWish().IsMatch(text.Replace('\u2019', '\''));

    /// <summary>
    /// The wish written after the number of the option picked ("4. compensation for my lost wages, £180" is
    /// "compensation for my lost wages, £180"); null when no number opens the text or fewer than three words follow.
    /// </summary>
    public static string? WishAfterNumber(string? text) =>
        !string.IsNullOrWhiteSpace(text) && NumberThenWish().Match(text) is { Success: true } match && match.Groups["wish"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3
            ? match.Groups["wish"].Value.Trim() : null;

    [GeneratedRegex(@"^\s*(?:option\s+|number\s+|#)?\d{1,2}\s*[.):,;-]+\s*(?<wish>[^\d\s].*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex NumberThenWish();

    /// <summary>The wish without its opening words: "I want an apology" is "an apology", to follow "you'd like".</summary>
    public static string WishWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = WishOpening().Replace(text.Trim(), string.Empty, 1);
        return trimmed.Length == 0 ? text.Trim() : trimmed;
    }

    /// <summary>
    /// The wish stated after turning an offer down ("NO. I don't want a replacement. I want the courier reported and a
    /// proper apology" is "the courier reported and a proper apology"); null when no wish follows.
    /// </summary>
    public static string? OwnWishAfterRefusal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var wish = LastWish().Match(text);
        return wish.Success && wish.Groups["wish"].Value.Trim().TrimEnd('.', '!') is { Length: > 2 } words ? words : null;
    }

    private static bool OnlyThat(string? text, Regex phrase)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Replace('\u2019', '\'');
        var match = phrase.Match(normalized);
        if (!match.Success)
        {
            return false;
        }

        var rest = normalized[..match.Index] + " " + normalized[(match.Index + match.Length)..];
        return Words().Matches(rest).All(w => Filler.Contains(w.Value));
    }

    [GeneratedRegex(
        @"\bwhy\s+(?:do|would|does|should|are)\s+(?:you|u|ya|it|that)\s+(?:even\s+)?(?:need|want|asking|ask|matter|care|relevant|important)(?:\s+(?:to\s+know|it|that|this|me|about\s+(?:it|that)))*\b"
        + @"|\bwhy\s+(?:is|would)\s+(?:that|this|it)\s+(?:matter|relevant|important|needed|necessary)\b|\bwhat\s+(?:does|do)\s+(?:that|it|this)\s+(?:matter|have\s+to\s+do\s+with\s+(?:it|anything))\b"
        + @"|\bwhat'?s\s+(?:that|this|it)\s+(?:got\s+)?(?:to\s+do\s+with\s+(?:it|anything|my\s+problem)|for)\b|\bdoes\s+(?:that|it|this)\s+(?:really\s+|even\s+)?matter\b"
        + @"|\bwhat\s+(?:difference|does\s+it)\s+(?:does\s+(?:that|it)\s+)?make\b|\bhow\s+is\s+(?:that|this|it)\s+relevant\b|\bis\s+(?:that|this)\s+(?:really\s+)?(?:necessary|needed|relevant)\b"
        + @"|^\s*(?:why|what\s+for|how\s+come|for\s+what)\s*[?!.]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhyPhrase();

    [GeneratedRegex(
        @"\b(?:skip(?:\s+(?:it|that|this))?|pass|next(?:\s+question)?|(?:just\s+)?(?:fix|sort)\s+(?:it|this|that)(?:\s+out)?|(?:it\s+)?(?:doesn'?t|does\s+not)\s+matter|irrelevant|who\s+cares"
        + @"|none\s+of\s+your\s+business|not\s+your\s+(?:business|concern)|i'?d\s+rather\s+not(?:\s+say)?|rather\s+not\s+say|not\s+telling(?:\s+you)?|(?:i\s+)?(?:don'?t|do\s+not)\s+want\s+to\s+(?:say|tell\s+you|answer(?:\s+that)?))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclinesPhrase();

    [GeneratedRegex(
        @"\bwhat\s+(?:can|will|are|could|do)\s+(?:you|u|ya)(?:\s+(?:guys|people|actually|even|really|then))*\s+(?:going\s+to\s+|gonna\s+)?do(?:\s+(?:for\s+me|about\s+(?:it|this|that)|to\s+(?:help|fix\s+(?:it|this))))*"
        + @"|\b(?:are|r)\s+(?:you|u)(?:\s+(?:actually|even|really))?\s+(?:going\s+to|gonna)\s+(?:fix|sort|do\s+something\s+about)(?:\s+(?:it|this|that))?(?:\s+out)?(?:\s+or\s+not)?"
        + @"|\b(?:can|will|could)\s+(?:you|u)(?:\s+(?:actually|even|really))?\s+(?:fix|sort|help\s+with)\s+(?:it|this|that)(?:\s+out)?(?:\s+or\s+not)?(?=\s*\?)"
        + @"|\bhow\s+(?:are|will|can)\s+(?:you|u)\s+(?:going\s+to\s+)?(?:fix|sort|solve)\s+(?:it|this|that)(?:\s+out)?|\bwhat\s+(?:happens|now)(?:\s+(?:now|next))?(?=\s*\?)|\bwhat'?s\s+next\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksWhatNextPhrase();

    /// <summary>"Are you even listening??", "did you even read what I wrote?": anger, never a good question to pass on.</summary>
    [GeneratedRegex(@"\b(?:are\s+(?:you|u)\s+(?:even\s+)?(?:listening|reading|serious|kidding|joking|for\s+real)|did\s+(?:you|u)\s+(?:even\s+)?(?:read|listen|hear)|can'?t\s+(?:you|u)\s+read|what\s+part\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rhetorical();

    [GeneratedRegex(@"^\W*(?:hello+|hey+|hi+|anyone(?:\s+there)?|is\s+(?:any|some)(?:one|body)\s+(?:there|here|reading\s+this)|(?:are\s+)?(?:you|u)\s+(?:still\s+)?there)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Calling();

    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|and|so|but|well|just|hmm+|um+|right|sorry|wait)\b[\s,.!]*)*(?:how\s+(?:long|soon|quickly|fast|many\s+days)|how\s+much\s+(?:credit|money|compensation|refund|discount|would|will|do|does|is|are|can|could|of)\b|when\s+(?:will|would|do|does|can|should|is|are)\b|what\s+happens\s+(?:now|next|then|after|if|with|to)\b|what(?:'?s|\s+is)\s+the\s+difference|what\s+are\s+(?:my|the)\s+options|which\s+(?:one\s+)?is\s+(?:faster|quicker|better|best)|(?:do|would|will)\s+i\s+(?:have|need)\s+to|does\s+(?:it|that|this)\s+(?:take|mean|include|cost)|how\s+does\s+(?:it|that|this|the\s+\w+)\s+work|(?:i'?m\s+|i\s+am\s+)?(?:not\s+sure|unsure)\s+(?:what|how|about|if|whether|which)|what\s+(?:would|does|is|'?s)\s+(?:a|an|the|that|this)\s+\w+(?:\s+\w+)?\s+(?:do|mean|involve|be)|what\s+(?:is|'?s)\s+(?:a|an)\s+\w+|(?:will|would|does|can|could)\s+(?:a|an|the|that|this|it|my)\b[^?.!]{0,40}?\b(?:help|work|fix\s+it|sort\s+it))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutTheFix();

    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|um+|hmm+|well|idk|dunno|i\s+dunno|i\s+don'?t\s+know|no(?:thing)?|not\s+yet|nothing\s+yet|so|like)\b[\s,.!]*)*(?:(?:what|which)\s+(?:else\s+)?(?:could|should|can|do|would|shall|am)\s+i\s+(?:supposed\s+to\s+)?(?:try|do)\b|what\s+(?:is|are)\s+there\s+to\s+try|what\s+(?:do|would|can)\s+(?:you|u)\s+(?:suggest|recommend)|(?:any|got\s+any)\s+(?:ideas|suggestions|tips)|no\s+idea\s+what\s+to\s+(?:try|do)|like\s+what\s*\?*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatToTry();

    [GeneratedRegex(@"\b(?:(?:i\s+(?:just\s+|only\s+|really\s+)?(?:want|need|expect|demand|wanna)|i(?:'d|\s+would)\s+(?:just\s+|really\s+)?like)\s+(?!to\s+know\b|to\s+ask\b)|i\s+(?:would|'d)\s+(?:prefer|rather)\b|what\s+i\s+(?:want|need|'d\s+like)\b|(?:an?\s+)?(?:proper\s+|formal\s+|written\s+)?apology\b|(?:him|her|them|the\s+driver|the\s+courier|the\s+engineer)\s+(?:to\s+be\s+)?(?:disciplined|sacked|fired|spoken\s+to|retrained)\b|^\s*(?:(?:a|an|the|full|partial|some|proper)\s+)*(?:refund(?:ed)?|money\s+back|compensation|reimburse(?:ment|d)?|discount)\s+(?:for|of|on)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnWish();

    [GeneratedRegex(@"^(?:(?:well|ok(?:ay)?|honestly|tbh|look|so|no|nope|nah|neither|none(?:\s+of\s+(?:these|those|them|that))?|not\s+(?:those|these|that)|something\s+else)[\s,.:;!-]+)*(?:i\s+(?:just\s+|only\s+|really\s+)?(?:want|need|expect|demand|wanna)|i(?:'d|\s+would)\s+(?:just\s+|really\s+)?like|what\s+i\s+(?:want|need|'d\s+like)\s+is)\s+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WishOpening();

    [GeneratedRegex(@"[\p{L}\d']+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\bi\s+(?:just\s+|only\s+|really\s+)?(?:want|need|expect|demand|'d\s+like|would\s+like)\s+(?<wish>(?:(?!\bi\s+(?:don'?t|do\s+not)\b)[^.!?])+)[.!?]*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LastWish();

    /// <summary>"I didn't ask for a credit", "I never wanted the refund", "I don't want a credit": the rest of the clause names it.</summary>
    [GeneratedRegex(@"\b(?:i\s+(?:didn'?t|did\s+not|never|don'?t|do\s+not)\s+(?:ask\s+for|want(?:ed)?|choose|chose|pick(?:ed)?|need(?:ed)?|agree\s+to)|(?:not|never)\s+what\s+i\s+(?:asked\s+for|wanted|chose))\b[^.!?\n]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Disowns();
}
