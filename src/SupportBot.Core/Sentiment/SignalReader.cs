using System.Buffers;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Reads the <see cref="FeelingSignal"/>s support agents read in how a message is written: capitals and doubled-up
/// punctuation, swearing and insults, threats to leave or sue, "still" and "again", waiting times, failed attempts,
/// sarcasm and politeness. Rules over whole words, as customers spell them ("wont be using", "f*cking", "3days",
/// "1-star"); one pass over the text, nothing kept.
/// </summary>
public static class SignalReader
{
    /// <summary>The signals that make a message a complaint whatever its words' sentiment.</summary>
    public const FeelingSignal Complaint = FeelingSignal.Profanity | FeelingSignal.Insult | FeelingSignal.Threat | FeelingSignal.Recurrence
        | FeelingSignal.Waiting | FeelingSignal.Tried | FeelingSignal.Sarcasm;

    private const int MaxWords = 256;
    private const int MaxCharacters = 2000;
    /// <summary>The signals in <paramref name="text"/>; praise counts as sarcasm when the other signals make it a complaint.</summary>
    public static FeelingSignal Read(ReadOnlySpan<char> text)
    {
        var signals = Read(text, out var praise);
        return Resolve(signals, praise, complaint: false);
    }

    /// <summary>
    /// The signals with sarcasm decided: praise that can be sarcastic ("thanks a lot", "great job") is sarcasm when the
    /// message is a complaint, by its words (<paramref name="complaint"/>) or by its other signals.
    /// </summary>
    internal static FeelingSignal Resolve(FeelingSignal signals, bool praise, bool complaint) =>
        praise && (complaint || (signals & Complaint) != 0) ? signals | FeelingSignal.Sarcasm : signals;

    /// <summary>The signals in <paramref name="text"/>; <paramref name="praise"/> tells whether it holds praise that is sarcasm in a complaint.</summary>
    internal static FeelingSignal Read(ReadOnlySpan<char> text, out bool praise)
    {
        praise = false;
        text = text[..Math.Min(text.Length, MaxCharacters)];
        if (text.IsEmpty)
        {
            return FeelingSignal.None;
        }

        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        Span<char> lower = rented ?? stackalloc char[text.Length];
        lower = lower[..text.Length];
        Span<Word> words = stackalloc Word[MaxWords];
        try
        {
            text.ToLowerInvariant(lower);
            lower.Replace('\u2019', '\'');
            lower.Replace('\u2018', '\'');
            var count = Words(lower, words);
            words = words[..count];
            var signals = Punctuation(text) | Capitals(text, words);
            return signals | Phrases(lower, words, ref praise);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static FeelingSignal Phrases(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, ref bool praise)
    {
        var signals = FeelingSignal.None;
        var durationUnit = -1;
        var countedDuration = false;
        var waitWord = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].Of(lower);
            SignalWords.KnownLookup.TryGetValue(word, out var info);
            waitWord |= info is { Wait: true };
            if (info is { Patterns.Length: > 0 } && Match(lower, words, i, info.Patterns) is { } pattern)
            {
                if (pattern.Praise)
                {
                    // "great job, really": the "really" after the praise leaves no doubt.
                    var next = i + pattern.Words.Length;
                    if (next < words.Length && words[next].Of(lower).SequenceEqual("really"))
                    {
                        signals |= FeelingSignal.Sarcasm;
                    }

                    praise = true;
                }
                else
                {
                    signals |= pattern.Signal;
                }

                i += pattern.Words.Length - 1;
                continue;
            }

            if (info is { Profane: true } || (SignalWords.ProfaneStarts.Contains(word[0]) && IsProfane(word)))
            {
                signals |= FeelingSignal.Profanity;
                continue;
            }

            // "keeps crashing", "kept saying": it happens over and over.
            if (word is "keep" or "keeps" or "kept" && i + 1 < words.Length && words[i + 1].Of(lower).EndsWith("ing"))
            {
                signals |= FeelingSignal.Recurrence;
                continue;
            }

            if (!(char.IsAsciiDigit(word[0]) || info is { Number: true }))
            {
                continue;
            }

            if (Duration(lower, words, i, out var unit, out var counted, out var times))
            {
                durationUnit = Math.Max(durationUnit, unit);
                countedDuration |= counted && unit >= 2;
            }
            else if (times)
            {
                signals |= FeelingSignal.Recurrence;
            }
        }

        // A length of time is a wait when it says so ("on hold 40 minutes", "3 days ago") or counts days or more ("three weeks").
        if (durationUnit >= 0 && (waitWord || countedDuration) && (durationUnit < 5 || waitWord))
        {
            signals |= FeelingSignal.Waiting;
        }

        return signals;
    }

    /// <summary>
    /// Whether word <paramref name="i"/> starts a length of time ("40 minutes", "3days", "a couple of weeks"); its
    /// <paramref name="unit"/>, and whether it was counted with a number rather than "a". <paramref name="times"/>:
    /// a number of times instead ("7 times").
    /// </summary>
    private static bool Duration(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, int i, out int unit, out bool counted, out bool times)
    {
        unit = -1;
        counted = false;
        times = false;
        var word = words[i].Of(lower);
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < word.Length && SignalWords.UnitLookup.TryGetValue(word[digits..], out unit))
        {
            // "40min", "3days": the number and its unit in one word.
            counted = true;
            return true;
        }

        if (!(digits == word.Length || IsNumber(word)) || i + 1 >= words.Length)
        {
            return false;
        }

        var next = i + 1;
        if (words[next].Of(lower).SequenceEqual("of") && next + 1 < words.Length)
        {
            // "a couple of weeks"
            next++;
        }

        var following = words[next].Of(lower);
        if (following.SequenceEqual("times"))
        {
            times = digits == word.Length || !(word is "a" or "an" or "one");
            return false;
        }

        if (!SignalWords.UnitLookup.TryGetValue(following, out unit))
        {
            return false;
        }

        counted = !(word is "a" or "an" or "one");
        return true;
    }

    private static SignalWords.Pattern? Match(ReadOnlySpan<char> lower, ReadOnlySpan<Word> words, int index, SignalWords.Pattern[] patterns)
    {
        foreach (var pattern in patterns)
        {
            if (index + pattern.Words.Length > words.Length)
            {
                continue;
            }

            var all = true;
            for (var j = 1; j < pattern.Words.Length && all; j++)
            {
                var word = words[index + j].Of(lower);
                all = pattern.Words[j] switch
                {
                    "*" => true,
                    "#" => IsNumber(word),
                    var literal => word.SequenceEqual(literal),
                };
            }

            if (all)
            {
                return pattern;
            }
        }

        return null;
    }

    private static bool IsNumber(ReadOnlySpan<char> word) => (SignalWords.KnownLookup.TryGetValue(word, out var info) && info.Number) || (word.Length > 0 && !word.ContainsAnyExceptInRange('0', '9'));

    private static bool IsProfane(ReadOnlySpan<char> word)
    {
        foreach (var prefix in SignalWords.ProfanePrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Doubled-up "!" and "?" ("!!", "??", "?!", "!!1"), or the one-character forms ‼ and ⁉.</summary>
    private static FeelingSignal Punctuation(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('\u203C', '\u2049') >= 0)
        {
            return FeelingSignal.RepeatedPunctuation;
        }

        for (var i = text.IndexOfAny('!', '?'); i >= 0 && i + 1 < text.Length; i++)
        {
            if (text[i] is '!' or '?' && text[i + 1] is '!' or '?')
            {
                return FeelingSignal.RepeatedPunctuation;
            }
        }

        return FeelingSignal.None;
    }

    /// <summary>
    /// Shouting: three capitalized words in a row ("WHY ARE YOU"), a message all in capitals ("DONT LOSE MY LUGGAGE"),
    /// three long capitalized words anywhere, words spelled out one by one ("FIX. THE. APP.", "fix 👏 the 👏 app").
    /// Acronyms ("USB", "PS4") are not shouting. Fewer capitals ("STILL", "AGAIN") are emphasis.
    /// </summary>
    private static FeelingSignal Capitals(ReadOnlySpan<char> text, ReadOnlySpan<Word> words)
    {
        int run = 0, longest = 0, capitalized = 0, long_ = 0, lettered = 0, spelled = 0, mostSpelled = 0, emphatic = 0;
        foreach (var word in words)
        {
            var original = word.Of(text);
            int letters = 0, upper = 0;
            foreach (var c in original)
            {
                letters += char.IsLetter(c) ? 1 : 0;
                upper += char.IsUpper(c) ? 1 : 0;
            }

            if (letters == 0)
            {
                continue;
            }

            // Acronyms ("USB", "PS4") and "I" neither shout nor break a shout.
            if (upper == letters && (letters < 2 || SignalWords.AcronymLookup.Contains(original)))
            {
                continue;
            }

            lettered++;
            var caps = upper == letters;
            run = caps ? run + 1 : 0;
            longest = Math.Max(longest, run);
            capitalized += caps ? 1 : 0;
            long_ += caps && letters >= 4 ? 1 : 0;
            emphatic += caps && letters >= 3 ? 1 : 0;

            // "fix. the. app.": each word a sentence of its own.
            var end = word.Start + word.Length;
            var alone = end < text.Length && text[end] == '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1]));
            spelled = alone ? spelled + 1 : 0;
            mostSpelled = Math.Max(mostSpelled, spelled);
        }

        var claps = text.Count("\U0001F44F");
        return longest >= 3 || (capitalized >= 2 && capitalized == lettered) || long_ >= 3 || mostSpelled >= 3 || claps >= 2 ? FeelingSignal.Shouting
            : emphatic > 0 ? FeelingSignal.Emphasis
            : FeelingSignal.None;
    }

    /// <summary>Words: letters and digits, with apostrophes inside them ("don't") and the stars of "f*ck".</summary>
    private static int Words(ReadOnlySpan<char> lower, Span<Word> words)
    {
        var count = 0;
        var i = 0;
        while (i < lower.Length && count < words.Length)
        {
            while (i < lower.Length && !IsWordStart(lower[i]))
            {
                i++;
            }

            var start = i;
            while (i < lower.Length && (char.IsLetterOrDigit(lower[i]) || (lower[i] is '\'' or '*' or '$' or '!' && InsideWord(lower, i))))
            {
                i++;
            }

            if (i > start)
            {
                words[count++] = new Word(start, i - start);
            }
            else
            {
                i++;
            }
        }

        return count;
    }

    private static bool IsWordStart(char c) => char.IsLetterOrDigit(c) || c == '$';

    /// <summary>An apostrophe, star, dollar or "!" inside a word: a letter or star before it, and a letter, star or end of the stars after ("f***").</summary>
    private static bool InsideWord(ReadOnlySpan<char> lower, int i)
    {
        var before = i > 0 && (char.IsLetter(lower[i - 1]) || lower[i - 1] is '*' or '$');
        var after = i + 1 < lower.Length && (char.IsLetter(lower[i + 1]) || lower[i + 1] is '*' or '$');
        return before && (after || (lower[i] == '*' && lower[i - 1] == '*'));
    }


    /// <summary>Where a word stands in the text.</summary>
    private readonly record struct Word(int Start, int Length)
    {
        public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
    }
}
