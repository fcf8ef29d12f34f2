using System.Text.RegularExpressions;
using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Reads what a customer wrote for what the conversation needs: their problem in their own words turned to face
/// them ("my refund STILL hasn't arrived" becomes "your refund still hasn't arrived"), a name, a plain yes, and
/// whether a reply means "nothing else" (what it answers of the clarifying questions: <see cref="SlotReader"/>).
/// </summary>
public static partial class ComplaintReader
{
    private const int MaxMirrorLength = 70;

    /// <summary>The signals that something is wrong, whatever the words: shouting, swearing, threats, "again", sarcasm ("a customer for 10 years" is no wait).</summary>
    private const FeelingSignal ProblemSignals = FeelingSignal.Shouting | FeelingSignal.Profanity | FeelingSignal.Insult | FeelingSignal.Threat | FeelingSignal.Recurrence | FeelingSignal.Sarcasm;

    /// <summary>
    /// The customer's problem turned to face them, for empathy lines: first clause or sentence, pronouns flipped,
    /// shouting lowered, trailing punctuation and greetings dropped, at most about 90 characters. Empty when there is
    /// nothing safe to say back: a question ("where is my parcel?"), a request ("fix the app now"), an insult or a threat,
    /// swearing or sarcasm, a phrase that could only be cut mid-thought, or one that is not a problem (see
    /// <see cref="Speakable"/>). A <paramref name="complaint"/> (the first thing they told) must name a problem in
    /// words ("you purchased a printer for your office" and "playing on Xbox one" set the scene).
    /// </summary>
    public static string Mirror(string? text, bool complaint = false) => Turn(text, safe: true, complaint);

    /// <summary>
    /// What the customer wrote turned to face them, as <see cref="Mirror"/> turns it but said back whatever it is: a
    /// thing's name ("the Nordlys lamp") or what they told before ("since the update").
    /// </summary>
    public static string SayBack(string? text) => Turn(text, safe: false, complaint: false);

    private static string Turn(string? text, bool safe, bool complaint)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var first = MirrorWords.BeforeAskingBack(ProblemSentence(Unspaced(WithoutFiller(text.Trim().Replace('\u2019', '\'')))));
        if (first.TrimEnd('!', '.', ' ').EndsWith('?') || AsksWhy().IsMatch(first))
        {
            // "Why is my laptop possessed?" asks; turned to face the customer it says nothing ("why is your laptop possessed").
            return string.Empty;
        }

        if (safe && OnlyVents(first) && VentOpener().IsMatch(first) && ProblemWords().Matches(first).All(m => Venting().IsMatch(m.Value)))
        {
            // "This is ridiculous" is how they feel: the empathy line hears it; said back, it only parrots them.
            return string.Empty;
        }

        if ((SignalReader.Read(first) & (safe ? FeelingSignal.Insult | FeelingSignal.Threat | FeelingSignal.Profanity | FeelingSignal.Sarcasm : FeelingSignal.Insult | FeelingSignal.Threat)) != 0)
        {
            // "You people are useless and I'm cancelling": said back, an insult or a threat puts words in our mouth.
            return string.Empty;
        }

        var sentence = MirrorWords.WithArticle(MirrorWords.PlainYou(FirstClause(BeforePlease(first))));
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(words.Length + 1);
        var start = 0;
        while (start < words.Length - 1 && words[start].Trim(',', '!', '.').ToLowerInvariant() is "hi" or "hello" or "hey" or "so" or "well" or "ok" or "okay" or "um" or "and" or "also" or "plus" or "oh" or "but" or "yes" or "yeah" or "yep" or "actually")
        {
            start++;
        }

        var opener = start < words.Length ? words[start].Trim(',', '!', '.', '?').ToLowerInvariant() : string.Empty;
        if (MirrorWords.Commands.Contains(opener))
        {
            // "Fix the Roku app immediately" asks for something; said back it would tell the customer what to do.
            return string.Empty;
        }

        if (MirrorWords.Unsaid.TryGetValue(opener, out var subject))
        {
            // "Got a faulty iPhone" leaves out who: "you got a faulty iPhone"; "been waiting" is "you've been waiting".
            kept.Add(subject);
        }

        var length = 0;
        var cut = false;
        for (var i = start; i < words.Length; i++)
        {
            var word = words[i];
            var core = word.TrimEnd(',', '!', '.', '?', ';', ':');
            var tail = word[core.Length..];
            var turned = (IsShouted(core) && !MirrorWords.Acronyms.Contains(core)) || (core == "A" && i > start && IsShouted(words[i - 1])) ? core.ToLowerInvariant() : core;
            if (core.Equals("you", StringComparison.OrdinalIgnoreCase) || core.Equals("u", StringComparison.OrdinalIgnoreCase))
            {
                // The customer's "you" is the company: "you charged me twice" becomes "we charged you twice".
                turned = i > start && MirrorWords.BeforeObject.Contains(words[i - 1].TrimEnd(',', '!', '.', '?', ';', ':')) ? "us" : "we";
            }
            else if (MirrorWords.Pronouns.TryGetValue(core, out var flipped))
            {
                turned = flipped;
            }
            else if (i > start && (core.Equals("am", StringComparison.OrdinalIgnoreCase) || core.Equals("was", StringComparison.OrdinalIgnoreCase))
                && words[i - 1].TrimEnd(',').ToLowerInvariant() is "i" or "we")
            {
                // Only the customer's own "I was" becomes "you were"; "the courier was" stays as it is.
                turned = core.Equals("am", StringComparison.OrdinalIgnoreCase) ? "are" : "were";
            }
            else if (i == start && turned.Length > 1 && char.IsUpper(turned[0]) && !char.IsUpper(turned[1]) && !(i + 1 < words.Length && IsName(words[i + 1])))
            {
                turned = char.ToLowerInvariant(turned[0]) + turned[1..];
            }

            if (length + turned.Length > MaxMirrorLength)
            {
                // Cut before "in", "because", "and"…, the phrase kept ends where a part of the sentence ends.
                cut = !MirrorWords.ClauseGoesOn.Contains(core);
                break;
            }

            kept.Add(turned + tail);
            length += turned.Length + tail.Length + 1;
        }

        // A phrase cut short ends at the last clause it holds whole ("your airpods aren't working and you're ready to…"
        // says "your airpods aren't working"), never mid-thought ("it now doesn't").
        if (safe && cut && !CutAtClause(kept))
        {
            return string.Empty;
        }

        while (kept.Count > 1 && kept.Count < words.Length - start + (kept.Count > 0 && MirrorWords.Unsaid.ContainsKey(opener) ? 1 : 0) && (MirrorWords.Dangling.Contains(kept[^1].TrimEnd(',', '!', '.', '?', ';', ':')) || MirrorWords.ClauseGoesOn.Contains(kept[^1].TrimEnd(',', ';', ':'))))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var phrase = string.Join(' ', kept).TrimEnd(',', '!', '.', '?', ';', ':', ' ', '-');
        return !safe || (Speakable(phrase) && (!complaint || ProblemWords().IsMatch(phrase))) ? phrase : string.Empty;
    }

    /// <summary>Shortens <paramref name="kept"/> to its last whole clause of three words or more; false when it has none.</summary>
    private static bool CutAtClause(List<string> kept)
    {
        for (var at = kept.Count - 1; at >= 3; at--)
        {
            if (kept[at].ToLowerInvariant() is "and" or "but" or "so" or "because" or "cause" or "which" or "when" or "since" or "while" or "as")
            {
                kept.RemoveRange(at, kept.Count - at);
                return true;
            }

            if (kept[at - 1].EndsWith(',') || kept[at - 1].EndsWith(';'))
            {
                kept.RemoveRange(at, kept.Count - at);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a phrase turned to face the customer is safe to say back: three words or more (a problem when it tells what they did), in
    /// words of ours to say (no swearing, sarcasm, emoji, hashtags or a question), and not the customer's own mishap
    /// ("you dropped your laptop" said after "I'm sorry we let you down" would blame us for it, or them).
    /// </summary>
    private static bool Speakable(string phrase)
    {
        if (phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 || !char.IsLetterOrDigit(phrase[0]) || (!ProblemWords().IsMatch(phrase) && OwnDoing().IsMatch(phrase))
            || phrase.Contains(" .", StringComparison.Ordinal) || phrase.Contains(" ,", StringComparison.Ordinal) || phrase.Contains("--", StringComparison.Ordinal)
            || phrase.StartsWith("y ", StringComparison.OrdinalIgnoreCase) || Broken().IsMatch(phrase)
            || QuestionStart().IsMatch(phrase) || OwnMishap().IsMatch(phrase) || LeftFirstPerson().IsMatch(phrase))
        {
            return false;
        }

        if (phrase.Any(c => char.IsSurrogate(c) || c is '#' or '@' or '\u2764' or '\u263A' or '\u2639'))
        {
            return false;
        }

        return (SignalReader.Read(phrase) & (FeelingSignal.Profanity | FeelingSignal.Sarcasm | FeelingSignal.Insult | FeelingSignal.Threat)) == 0;
    }

    /// <summary>
    /// <paramref name="text"/> without what opens it before the problem: "ok", "okay so", "yes", "well", hashtags and
    /// handles ("#godaddy need help logging in" is "need help logging in"). Unchanged when nothing follows.
    /// </summary>
    public static string WithoutFiller(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Filler().Match(text);
        return match.Success && match.Length > 0 && match.Length < text.Trim().Length ? text[match.Length..].Trim() : text;
    }

    /// <summary>
    /// Whether <paramref name="text"/> says something that can be mirrored back as an issue: words, not a bare
    /// number, yes/no, "ok" or "I already told you".
    /// </summary>
    public static bool IsMirrorable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Trim().TrimEnd('.', '!', '?').ToLowerInvariant();
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
        return words >= 2 && !NotAnIssue().IsMatch(normalized) && Entities.AlreadyToldReader.Read(text) is null;
    }

    /// <summary>
    /// Whether a reply carries feeling worth reading: words beyond a plain yes, no, number or "ok", or shouting
    /// and exclamation ("NO!!"). "no" to "have you tried anything?" says nothing of how the customer feels.
    /// </summary>
    public static bool CarriesFeeling(string? text) =>
        IsMirrorable(text) || (!string.IsNullOrWhiteSpace(text) && (text.Contains('!', StringComparison.Ordinal) || IsShouted(text.Trim())));

    /// <summary>
    /// Whether a reply is a calm, short answer ("it says wrong password", "since Monday"): at most eight words, no
    /// exclamation mark, no shouting.
    /// </summary>
    public static bool IsPlainAnswer(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !text.Contains('!', StringComparison.Ordinal)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: <= 8 } words && !words.Any(w => w.Count(char.IsLetter) > 1 && IsShouted(w));

    /// <summary>
    /// Whether a reply only vents ("I am SO fed up, this is the worst service ever!!!", "this is a joke"): feeling, and
    /// nothing done or seen that could answer a question.
    /// </summary>
    public static bool OnlyVents(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Venting().IsMatch(text) && !SlotWords().IsMatch(text);

    /// <summary>
    /// The other problem a reply opens with "also", "plus", "oh and" or "another thing" ("also the app keeps logging me
    /// out" gives "the app keeps logging me out"), or null when it opens with none of them.
    /// </summary>
    public static string? AnotherProblem(string? text)
    {
        var match = Another().Match(text ?? string.Empty);
        return match.Success && IsMirrorable(match.Groups["rest"].Value) ? match.Groups["rest"].Value.Trim() : null;
    }

    /// <summary>
    /// Whether the complaint says the thing arrived damaged or wrong ("the box was crushed and the lamp inside is
    /// smashed", "it came cracked"): nothing for the customer to have tried.
    /// </summary>
    public static bool ArrivedDamaged(string? text) => !string.IsNullOrWhiteSpace(text) && Arrived().IsMatch(text);

    /// <summary>Whether kind words turn to a problem ("I love the app, but it keeps crashing").</summary>
    public static bool TurnsToAProblem(string? text) => !string.IsNullOrWhiteSpace(text) && ButProblem().IsMatch(text);

    /// <summary>
    /// Whether the problem as told reads as a question ("where is my parcel??", "why was I charged twice"), which
    /// turned to face the customer makes no statement to say back ("all I caught is that where is your parcel"). The
    /// first sentence keeps its mark: "wait is my account even safe? could someone get in?" asks.
    /// </summary>
    public static bool ReadsAsQuestion(string? text)
    {
        var whole = (text ?? string.Empty).Trim();
        var sentence = whole[..Math.Min(whole.Length, FirstSentence(whole).Length + 1)];
        return sentence.EndsWith('?') || sentence.TrimEnd('!', '.', ' ').EndsWith('?') || QuestionStart().IsMatch(sentence);
    }

    /// <summary>Whether <paramref name="text"/> holds a way to reach the customer: an email address or a phone number.</summary>
    public static bool HasContact(string? text) => ContactFrom(text) is not null;

    /// <summary>The email address or phone number in <paramref name="text"/> ("call me on 07700 900123 after 6pm" gives "07700 900123"), or null.</summary>
    public static string? ContactFrom(string? text) => Entities.ContactReader.ReadFirst(text)?.Text.Trim();

    /// <summary>Whether <paramref name="text"/> opens by asking how to do something ("how can I…", "how do you…").</summary>
    public static bool AsksHowTo(string? text) => !string.IsNullOrWhiteSpace(text) && HowTo().IsMatch(text);

    /// <summary>
    /// <paramref name="text"/> without a yes or "no, but" it opens with: "yes, the app logs me out too" and "no but
    /// the app logs me out" say "the app logs me out too". Unchanged when nothing follows.
    /// </summary>
    public static string WithoutLeadingYes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = LeadingYes().Match(text);
        return match.Success && match.Length < text.Trim().Length ? text[match.Length..].Trim() : text;
    }

    /// <summary>Whether <paramref name="text"/> is a plain yes in words ("yes", "yeah", "there is"), not a number.</summary>
    public static bool SaysYes(string? text) => !string.IsNullOrWhiteSpace(text) && PlainYes().IsMatch(text.Trim());

    /// <summary>
    /// The first sentence that tells the problem: "This is the third time I am writing. My refund has not arrived."
    /// says it in the second.
    /// </summary>
    private static string ProblemSentence(string text)
    {
        var rest = text;
        while (FirstSentence(rest) is var sentence && MetaSentence().IsMatch(sentence) && sentence.Length < rest.Length)
        {
            rest = rest[sentence.Length..].TrimStart('.', '!', '?', ' ');
            if (rest.Length == 0)
            {
                return FirstSentence(text);
            }
        }

        var first = FirstSentence(rest);
        while (first.Length < rest.Length && OnlyVents(first) && rest[first.Length..].TrimStart('.', '!', '?', ' ') is { Length: > 0 } after)
        {
            // "THIS IS RIDICULOUS. Your technician never showed up": the feeling is heard by the empathy line; the problem is said back.
            rest = after;
            first = FirstSentence(rest);
        }

        if (first.Length < rest.Length && !ProblemWords().IsMatch(first) && (SignalReader.Read(first) & ProblemSignals) == 0)
        {
            // "Hi, all my accounts are basic. Why am I still being charged?" sets the scene first: said back, the scene
            // is not the problem ("all your accounts are basic"). The problem sentence is said back instead, if it can be.
            var next = rest[first.Length..].TrimStart('.', '!', '?', ' ');
            var second = FirstSentence(next);
            if (ProblemWords().IsMatch(second) || (SignalReader.Read(second) & ProblemSignals) != 0)
            {
                return second;
            }
        }

        return first;
    }

    /// <summary>"my account got hacked please get back to me" says the problem before "please" and asks after it.</summary>
    private static string BeforePlease(string sentence)
    {
        var match = PleaseAsks().Match(sentence);
        return match.Success && match.Index >= 12 ? sentence[..match.Index].TrimEnd(',', ' ', '-') : sentence;
    }

    /// <summary>A long sentence is cut at its first clause ("my parcel never arrived, I ordered it…" keeps the first part).</summary>
    private static string FirstClause(string sentence)
    {
        if (sentence.Length <= MaxMirrorLength)
        {
            return sentence;
        }

        foreach (var separator in new[] { ", ", "; ", " - ", " and ", " but " })
        {
            var at = sentence.IndexOf(separator, 15, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at <= MaxMirrorLength)
            {
                return MirrorWords.WhatWeDidAfter(sentence[..at], sentence[(at + separator.Length)..]) ?? sentence[..at];
            }
        }

        return sentence;
    }

    /// <summary>
    /// The name in a reply to "what's your name?": "Dana", "I'm Dana Reyes", "my name is dana" give "Dana" or
    /// "Dana Reyes"; null when the reply has no plausible name.
    /// </summary>
    public static string? NameFrom(string? text)
    {
        var cleaned = NameIntro().Replace((text ?? string.Empty).Trim(), string.Empty).Trim().TrimEnd('.', '!', ',');
        var all = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = all.Take(3).ToList();

        // "My parcel never arrived and nobody answers" is a complaint, not a name: a name is a few words, none of them common ones.
        if (words.Count == 0 || all.Length > 4 || words.Any(w => !w.All(c => char.IsLetter(c) || c is '-' or '\'') || MirrorWords.NotAName.Contains(w)))
        {
            return null;
        }

        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + (w.Length > 1 && w.Skip(1).All(char.IsUpper) ? w[1..].ToLowerInvariant() : w[1..])));
    }

    /// <summary>True when a reply to "anything else?" means nothing more.</summary>
    public static bool MeansNothingElse(string? text)
    {
        var normalized = Regex.Replace((text ?? string.Empty).Trim().ToLowerInvariant(), @"[!.,]+", string.Empty).Trim();
        // "No, that's all" ends it; "no, that's wrong, I want £40 back" does not.
        return normalized.Length == 0 || MirrorWords.NothingElse.Contains(normalized) || NoThatsAll().IsMatch(normalized)
            || normalized.StartsWith("nothing", StringComparison.Ordinal) || normalized.StartsWith("no thank", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a reply to "what's it about?" tells nothing: another request for a person ("just get me someone"), a
    /// refusal ("none of your business", "I'll tell them"), "no", "I don't know", or words too few to say anything.
    /// </summary>
    public static bool DeclinesToSay(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || !trimmed.Any(char.IsLetter) || MeansNothingElse(trimmed) || SaysYes(trimmed) || InterruptionRecognizer.OnlyGreets(trimmed) || Declines().IsMatch(trimmed) || OnlyUrgent().IsMatch(trimmed)
            || Entities.AlreadyToldReader.OnlyReminds(trimmed) || (trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && Entities.NoAnswerReader.GivesNothing(trimmed))
            || (PersonRequestRecognizer.AsksForPerson(trimmed) && !PersonRequestRecognizer.SaysMoreThanAskingForPerson(trimmed));
    }

    /// <summary>Whether <paramref name="text"/> says a brief is right as it is ("that's right", "yes thats right", "looks good", "ye", "yeah whatever close enough").</summary>
    public static bool ConfirmsBrief(string? text)
    {
        var normalized = Regex.Replace((text ?? string.Empty).Trim().ToLowerInvariant().Replace('\u2019', '\''), @"[!.,]+", string.Empty).Trim();
        return normalized.Length > 0 && BriefConfirmed().IsMatch(normalized);
    }

    /// <summary>A capitalised word that is not shouted ("Pro" in "Surface Pro"): the opener before it is a name too.</summary>
    private static bool IsName(string word) => word.Length > 1 && char.IsUpper(word[0]) && !IsShouted(word);

    /// <summary>"FIX. THE. ROKU. APP." shouts one word at a time: read as the sentence it is.</summary>
    private static string Unspaced(string text) =>
        OneWordSentences().IsMatch(text) ? OneWordSentences().Replace(text, m => m.Value.Replace(".", string.Empty, StringComparison.Ordinal)) : text;

    private static bool IsShouted(string word) => word.Length > 1 && word.Any(char.IsLetter) && word.Where(char.IsLetter).All(char.IsUpper);

    private static string FirstSentence(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]) && i > 12)
            {
                return text[..i];
            }
        }

        return text;
    }

    [GeneratedRegex(@"^(hi|hello|hey)?[,!. ]*(my name is|my name's|name is|i am|i'm|im|it's|its|this is|call me|they call me)?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NameIntro();

    [GeneratedRegex(@"^\s*(hi|hello|hey)?[\s,!.]*how (do|does|can|could|should|would) (i|we|you|one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowTo();

    [GeneratedRegex(@"^(yes|yeah|yep|yup|yes please|there is|there's more|actually yes|one more thing)\b[\s.!,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex PlainYes();

    [GeneratedRegex(@"\b(none of your business|not your business|i'?d rather not|rather not say|(don'?t|do not) want to (say|tell|explain|go into it)|not telling|i'?ll (tell|explain (it )?to) (them|the person|a person|someone|your colleague|a human)|it'?s (private|personal|confidential))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Declines();

    [GeneratedRegex(@"^\W*(?:(?:right|just)\s+)?(?:now|asap|immediately|hurry(?:\s+up)?|quick(?:ly)?|please|pls|just do it)(?:[\s,]+(?:please|pls|now|asap))*\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnlyUrgent();

    [GeneratedRegex(@"^\W*(?:this|that|it|its|it's|thats|that's|what a|so|absolutely|totally|utterly|honestly|seriously|i'?m|i am)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VentOpener();

    [GeneratedRegex(@"^(hi|hello|hey)?[,!. ]*((where|what|when)(?!\s+(i|we|he|she|they|i've|i'd|i'm)\b)|why|how|who|which|is|are|can|could|will|would|do|does|did|has|have)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"^\s*(?:(?:[#@]\w+|ok(?:ay)?|k|yes|yeah|yep|well|right|alright|um+|uh+|hmm+|hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening|day)|(?:hi|hello|hey)\s+there|dear\s+(?:team|sir|madam|sir\s+or\s+madam|support)|greetings|(?:i\s+have\s+)?(?:two|2|three|3|a\s+couple\s+of|a\s+few|few)\s+(?:things|issues|problems|questions)(?:\s+(?:here|today))?|i\s+(?:think|believe|reckon|guess)(?:\s+that)?(?=\s+(?:i|you|u|ya|your|my|it|the|there|someone|somebody)\b)|(?:i'?m\s+)?pretty\s+sure(?:\s+that)?|(?:just|only|mainly|mostly)\s+(?:that|the\s+fact\s+that)(?=\s+(?:i|you|u|ya|your|my|it|the|there|nobody|no\s+one|someone|somebody|they|we)\b))(?![\w'])[\s,.!:;-]*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^you(?:'ve)?\s+(?:(?:just|accidentally|stupidly|recently|apparently|somehow)\s+)*(?:dropped|spilled|spilt|broke|smashed|cracked|lost|forgot|deleted|sat\s+on|stepped\s+on|got\s+\w+\s+wet)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnMishap();

    [GeneratedRegex(@"\b(?:arrived|came|delivered|turned\s+up|showed\s+up|got\s+here|opened\s+(?:it|the\s+box))\b[^.!?]{0,40}?\b(?:broken|smashed|shattered|cracked|crushed|damaged|dented|scratched|torn|in\s+pieces|leaking|missing|faulty|dead|defective|wrong)\b|\b(?:broken|smashed|shattered|cracked|crushed|damaged|dented|in\s+pieces)\b[^.!?]{0,30}?\b(?:on\s+arrival|when\s+it\s+(?:arrived|came)|out\s+of\s+the\s+box)\b|\bbox\s+was\s+(?:crushed|smashed|soaked|wet|ripped|torn|open)\b|\bdead\s+on\s+arrival\b|\bDOA\b", RegexOptions.IgnoreCase)]
    private static partial Regex Arrived();

    /// <summary>A question inside ("…, why are we still charging you"), or a name left out ("an issue with and you need help").</summary>
    [GeneratedRegex(@"\b(?:why|how|what|who|where)\s+(?:are|is|am|do|does|did|can|could|should|would|to)\b|\b(?:with|for|at|to|from|on|about|of|by)\s+(?:and|but|or|the\s+and)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Broken();

    /// <summary>What the customer did or has, said back: "you purchased a printer", "you've been using Google for years" set the scene.</summary>
    [GeneratedRegex(@"^(?:you|you've|you're|you'd)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnDoing();

    [GeneratedRegex(@"(?:^|[\s,.;:])(?:I|I'm|I've|I'd|I'll|Im|Ive)(?=[\s,.;:!?]|$)")]
    private static partial Regex LeftFirstPerson();

    [GeneratedRegex(@"^(yes|yeah|yep|yup|sure|ok|okay|no|nope)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAnIssue();

    [GeneratedRegex(@"\b(ridiculous|worst|fed up|sick of|sick and tired|joke|useless|unacceptable|disgusting|pathetic|terrible|awful|appalling|shocking|wtf|ffs|rubbish|garbage|hate|furious|livid|fuming|disgrace|shambles)\b|!!!", RegexOptions.IgnoreCase)]
    private static partial Regex Venting();

    /// <summary>Words of something done or seen: "I restarted it", "it says error", "called twice".</summary>
    [GeneratedRegex(@"\b(tried|restart\w*|reboot\w*|reinstall\w*|reset|called|phoned|rang|emailed|contacted|chatted|messaged|wrote|unplugged|updated|cleared|error|says|message|crash\w*|freez\w*|blank|screen|code|logs?\s+me\s+out|won'?t|doesn'?t|can'?t|stuck|loading)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SlotWords();

    [GeneratedRegex(@"^\s*(?:oh\s+)?(?:and\s+)?(?:also|plus|another thing( is)?|one more thing|on top of (?:that|this|it)|btw|by the way|besides(?: that| this)?|what'?s more|not only that(?: but)?)\b[\s,:;.-]*(?<rest>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Another();

    [GeneratedRegex(@"\b(but|however|although|though|except|apart from|unfortunately|problem|issue|broken|bug|crash\w*|error|not working|doesn'?t work|can'?t|cannot|won'?t|never|still|wrong)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ButProblem();

    [GeneratedRegex(@"^(?:(?:hi|hello|hey)[\s,!.]+)?(?:why|where|how\s+come|how\s+(?:do|does|can|could|should)|what'?s|what\s+(?:is|are|was|has|happened))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksWhy();

    [GeneratedRegex(@"^\s*(?:this\s+is\s+(?:the|my)\s+\w+\s+(?:time|message|attempt|email)|i'?(?:ve|\s+have)\s+(?:written|messaged|emailed|contacted\s+you|tweeted|asked)|(?:hi|hello|hey|dear)\b[\w\s,]{0,20}$|good\s+(?:morning|afternoon|evening)\b[\w\s,]{0,20}$|(?:i\s+)?need\s+(?:some\s+)?help\b[\s!.]*$|(?:please\s+)?help(?:\s+me)?[\s!.]*$|(?:(?:hi|hello|hey)\b[\s,]*)?(?:please\s+)?(?:could|can|would)\s+(?:you|someone|somebody|anyone)\s+(?:please\s+)?help(?:\s+me)?(?:\s+please)?[\s?!.]*$|urgent[\s!.]*$)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaSentence();

    /// <summary>Words that say something went wrong: a sentence without any only sets the scene ("I ordered a lamp on Monday").</summary>
    [GeneratedRegex(@"\b(?:not|no|never|nothing|nobody|none|\w+n['’]t|dont|doesnt|didnt|cant|wont|isnt|wasnt|havent|hasnt|couldnt|wouldnt|arent|werent|cannot|still|again|yet|wrong|broken|broke|smashed|shattered|cracked|damaged|dented|faulty|defective|dead|died|missing|lost|late|delayed|stuck|error|crash\w*|freez\w*|fail\w*|problem|issue|bug|unable|impossible|ignor\w*|glitch\w*|lag\w*|slow|blank|frozen|hack\w*|scam\w*|fraud\w*|unauthori[sz]ed|declined|rejected|denied|banned|disabled|expired|invalid|incorrect|anymore|randomly|suddenly|(?:logs?|logged|logging|signs?|signed|kicks?|kicked|kicking)\s+(?:\w+\s+)?out|charged|overcharged|twice|double|refund\w*|cancel\w*|hacked|locked|blocked|suspended|rude|waiting|waited|keeps?|stopped|disappeared|gone|worse|worst|terrible|awful|useless|ridiculous|unacceptable|help)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProblemWords();

    [GeneratedRegex(@"^(?:[\p{L}'-]+\.\s+){2,}[\p{L}'-]+\.?")]
    private static partial Regex OneWordSentences();

    [GeneratedRegex(@"[\s,]+(?:please|pls|plz|can\s+you|could\s+you|can\s+u)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PleaseAsks();

    [GeneratedRegex(@"^\s*(?:(?:yes|yeah|yep|yup|actually|well|oh)\b[\s,.!:-]*)+(?:there\s+is\b[\s,.:-]*)?|^\s*(?:no|nope|nah)\b[\s,.!-]*but\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingYes();

    [GeneratedRegex(@"^no that(?:'?s|\s+is|\s+will|'?ll)?\s*(?:all|it|everything|fine|ok|okay|good|do|be\s+all|enough)\b")]
    private static partial Regex NoThatsAll();

    [GeneratedRegex(@"^(?!whatever|i\s+guess|i\s+suppose)(?:(?:yes|yep|yeah|ye|yup|ok|okay|sure|perfect|whatever)\b\s*)*(?:that'?s\s+(?:right|correct|it|all\s+correct|all\s+right)|looks\s+(?:good|right|fine)|all\s+(?:good|correct)|correct|right|fine|sounds\s+(?:good|right)|go\s+ahead|spot\s+on|exactly|close\s+enough|near\s+enough|good\s+enough|more\s+or\s+less|pretty\s+much)?(?:\s*(?:whatever|i\s+guess|i\s+suppose|just\s+do\s+it|get\s+on\s+with\s+it))?(?:\s*(?:thanks|thank\s+you|thx|ty))?$")]
    private static partial Regex BriefConfirmed();
}
