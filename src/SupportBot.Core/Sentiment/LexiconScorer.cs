using System.Buffers;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The lexicon's reading of a text: VADER's rules (negation, boosters and dampeners, ALL CAPS among lower case, "but",
/// exclamation and question marks, emoticons) over the VADER lexicon, plus support-domain phrases ("still waiting",
/// "third time", "no one called back") with their emotions, and sarcasm: polite or glowing words inside a complaint
/// ("still waiting, thanks a lot") are not read as praise.
/// </summary>
internal sealed class LexiconScorer
{
    private const int MaxTokens = 256;

    /// <summary>Words whose praise is not meant when they sit inside a complaint ("great, another delay", "thanks a lot").</summary>
    private static readonly HashSet<string> PoliteOrSarcastic = new(StringComparer.Ordinal)
    {
        "great", "awesome", "wonderful", "fantastic", "amazing", "nice", "lovely", "love", "perfect", "brilliant",
        "excellent", "good", "ok", "okay", "sure", "lol", "haha", "yay", "wow", "fun", "glad", "happy", "best", "cool",
        "helpful", "like", "well", "kind", "hope", "luck",
    };

    /// <summary>Thanks that count for nothing when the message tells of a problem ("I can't log in. Thanks").</summary>
    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal) { "thanks", "thank", "thx", "appreciate", "appreciated", "grateful" };

    /// <summary>Words of rage: a customer who says they are "furious" or "livid" is.</summary>
    private static readonly HashSet<string> Rage = new(StringComparer.Ordinal)
    {
        "furious", "livid", "fuming", "seething", "raging", "enraged", "incensed", "outraged", "irate", "apoplectic",
    };

    /// <summary>How a message is framed, not how its writer feels: never positive ("please help", "hi", "kind regards").</summary>
    private static readonly HashSet<string> Framing = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "plse", "kindly", "help", "hi", "hello", "hey", "dear", "regards", "cheers",
    };

    private static readonly HashSet<string> TargetStopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "our", "this", "that", "it", "is", "was", "has", "have", "been", "be", "and", "but",
        "still", "not", "never", "very", "so", "just", "new", "own", "other", "same", "whole", "first", "last", "one",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PoliteLookup = PoliteOrSarcastic.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ThanksLookup = Thanks.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FramingLookup = Framing.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RageLookup = Rage.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = TargetStopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly SentimentLexicon _lexicon;

    public LexiconScorer(SentimentLexicon lexicon) => _lexicon = lexicon;

    /// <summary>
    /// Scores <paramref name="text"/>. A complaint by its signals (<paramref name="complaint"/>) or its words makes the
    /// praise and politeness in it count for nothing; those words are also blanked in <paramref name="forModel"/>, a copy
    /// of the text for the trained model (empty: no copy wanted).
    /// </summary>
    public LexiconScore Score(ReadOnlySpan<char> text, bool complaint, Span<char> forModel)
    {
        if (!forModel.IsEmpty)
        {
            text.CopyTo(forModel);
        }

        var lowered = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var tokens = ArrayPool<SentimentToken>.Shared.Rent(MaxTokens);
        var sentiments = ArrayPool<double>.Shared.Rent(MaxTokens);
        try
        {
            text.ToLowerInvariant(lowered);
            var lower = lowered.AsSpan(0, text.Length);

            // Phones and word processors type "don’t" with a typographic apostrophe; negation must still see "don't".
            lower.Replace('\u2019', '\'');
            var count = Tokenize(text, lower, tokens);
            return count == 0 ? LexiconScore.Empty : Valence(text, lower, tokens.AsSpan(0, count), sentiments.AsSpan(0, count), complaint, forModel);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(lowered);
            ArrayPool<SentimentToken>.Shared.Return(tokens);
            ArrayPool<double>.Shared.Return(sentiments);
        }
    }

    /// <summary>Words and emoticons as VADER sees them: split on white space, edge punctuation stripped, one-letter words dropped.</summary>
    private int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, SentimentToken[] tokens)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < MaxTokens)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var (s, e) = (start, i);
            while (s < e && char.IsPunctuation(text[s]) | char.IsSymbol(text[s]) && text[s] is not '#')
            {
                s++;
            }

            while (e > s && char.IsPunctuation(text[e - 1]) | char.IsSymbol(text[e - 1]))
            {
                e--;
            }

            if (e - s <= 1)
            {
                // Emoticons and emoji are all punctuation or symbols: keep them whole when the lexicon knows them.
                var raw = lower[start..i];
                if (_lexicon.Words.ContainsKey(raw))
                {
                    (s, e) = (start, i);
                }
                else if (e - s < 1 || (e - s == 1 && !char.IsLetterOrDigit(text[s])))
                {
                    continue;
                }
                else if (e - s == 1)
                {
                    continue;
                }
            }

            var word = text[s..e];
            tokens[count++] = new SentimentToken(s, e - s, IsUpper(word));
        }

        return count;
    }

    private LexiconScore Valence(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, Span<SentimentToken> tokens, Span<double> sentiments, bool complaintSignals, Span<char> forModel)
    {
        var upper = 0;
        foreach (var token in tokens)
        {
            upper += token.Upper ? 1 : 0;
        }

        var capsDiffer = upper > 0 && upper < tokens.Length;
        Span<double> emotionWeights = stackalloc double[Enum.GetValues<Emotion>().Length];
        var consumedUntil = -1;
        double complaint = 0;
        var butIndex = -1;
        var problem = false;
        var rage = false;
        var framing = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            sentiments[i] = 0;
            var word = tokens[i].Word(lower);
            if (butIndex < 0 && word.SequenceEqual("but"))
            {
                butIndex = i;
            }

            // "can't", "never", "unable": the message tells of something that does not work.
            problem |= VaderRules.IsNegation(word) || word.SequenceEqual("unable");
            rage |= RageLookup.Contains(word) && !(i > 0 && VaderRules.IsNegation(tokens[i - 1].Word(lower)));
            if (i <= consumedUntil)
            {
                continue;
            }

            if (FramingLookup.Contains(word))
            {
                Blank(forModel, tokens[i]);
                framing++;
                continue;
            }

            if (MatchPhrase(lower, tokens, i) is { } phrase)
            {
                var value = phrase.Valence + (capsDiffer && tokens[i].Upper ? Math.Sign(phrase.Valence) * VaderRules.CapsIncrement : 0);
                if (i > 0 && VaderRules.TryGetBooster(tokens[i - 1].Word(lower), out var boost))
                {
                    value += Math.Sign(value) * boost * VaderRules.BoosterIncrement;
                }

                sentiments[i] = value;
                complaint += Math.Min(value, 0);
                foreach (var emotion in phrase.Emotions)
                {
                    emotionWeights[(int)emotion] += 0.45 + (0.1 * Math.Abs(phrase.Valence));
                }

                consumedUntil = i + phrase.Words.Length - 1;
                continue;
            }

            if (VaderRules.IsBooster(word) || (word.SequenceEqual("kind") && i + 1 < tokens.Length && tokens[i + 1].Word(lower).SequenceEqual("of")))
            {
                continue;
            }

            if (_lexicon.Emotions.TryGetValue(word, out var emotions))
            {
                complaint += Math.Min(_lexicon.Words.TryGetValue(word, out var own) ? own : 0, 0);
                foreach (var emotion in emotions)
                {
                    emotionWeights[(int)emotion] += 0.4 + (tokens[i].Upper && capsDiffer ? 0.15 : 0);
                }
            }

            if (_lexicon.Words.TryGetValue(word, out var lexical))
            {
                sentiments[i] = VaderRules.WordValence(_lexicon, lower, tokens, i, lexical, capsDiffer);
            }
        }

        // Praise inside a complaint (support phrases such as "still waiting") is sarcasm or politeness, not praise; so
        // are thanks after a problem ("I can't log in, thanks").
        var sarcastic = false;
        var isComplaint = complaint <= -1.0 || complaintSignals;
        if (isComplaint || problem)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                // After a "but" the praise is the point ("damaged, but the courier was lovely and fixed it").
                var word = tokens[i].Word(lower);
                if (sentiments[i] > 0 && (butIndex < 0 || i < butIndex) && (ThanksLookup.Contains(word) || (isComplaint && PoliteLookup.Contains(word))))
                {
                    sentiments[i] = 0;
                    sarcastic = true;
                    Blank(forModel, tokens[i]);
                }
            }
        }

        if (butIndex >= 0)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                sentiments[i] *= i < butIndex ? 0.5 : i > butIndex ? 1.5 : 1;
            }
        }

        double sum = 0, positive = 0, negativeSum = 0, neutral = 0, negativeWords = 0, mostNegative = 0;
        foreach (var value in sentiments)
        {
            sum += value;
            negativeWords += Math.Min(value, 0);
            mostNegative = Math.Min(mostNegative, value);
            if (value > 0)
            {
                positive += value + 1;
            }
            else if (value < 0)
            {
                negativeSum += value - 1;
            }
            else
            {
                neutral++;
            }
        }

        var emphasis = VaderRules.PunctuationEmphasis(text);
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        if (positive > Math.Abs(negativeSum))
        {
            positive += emphasis;
        }
        else if (positive < Math.Abs(negativeSum))
        {
            negativeSum -= emphasis;
        }

        var compound = Math.Clamp(sum / Math.Sqrt((sum * sum) + 15), -1, 1);
        var total = positive + Math.Abs(negativeSum) + neutral;
        var scores = total == 0 ? new SentimentScores(0, 1, 0) : new SentimentScores(positive / total, neutral / total, Math.Abs(negativeSum) / total);
        var label = compound >= 0.05 ? SentimentLabel.Positive : compound <= -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral;

        if (sarcastic)
        {
            emotionWeights[(int)Emotion.Gratitude] = 0;
            emotionWeights[(int)Emotion.Frustration] += 0.3;
        }

        var exclamations = Math.Min(text.Count('!'), 4);
        var emotionList = new List<EmotionTag>();
        double strongest = 0;
        for (var e = 0; e < emotionWeights.Length; e++)
        {
            if (emotionWeights[e] > 0)
            {
                var strength = Math.Min(1, emotionWeights[e] + (0.05 * exclamations) + (capsDiffer ? 0.1 : 0));
                emotionList.Add(new EmotionTag((Emotion)e, Math.Round(strength, 3)));
                if ((Emotion)e != Emotion.Gratitude)
                {
                    strongest = Math.Max(strongest, strength);
                }
            }
        }

        emotionList.Sort((a, b) => b.Strength.CompareTo(a.Strength));
        var intensity = Math.Min(1, Math.Max(Math.Abs(compound), label == SentimentLabel.Negative ? 0.7 * strongest : 0));
        var target = label == SentimentLabel.Negative ? Target(text, lower, tokens) : null;
        return new LexiconScore(label, scores, compound, intensity, emotionList, target)
        {
            NegativeSum = negativeWords,
            MostNegative = mostNegative,
            Complaint = isComplaint,
            Sarcastic = sarcastic,
            Rage = rage,
            Framing = framing > 0 && framing + (tokens.Length > framing && tokens[^1].Word(lower).SequenceEqual("there") ? 1 : 0) == tokens.Length,
        };
    }

    /// <summary>Blanks <paramref name="token"/> in the text for the model (when one is wanted), so its words do not count there either.</summary>
    private static void Blank(Span<char> forModel, SentimentToken token)
    {
        if (!forModel.IsEmpty)
        {
            forModel.Slice(token.Start, token.Length).Fill(' ');
        }
    }

    private SentimentLexicon.Phrase? MatchPhrase(ReadOnlySpan<char> lower, Span<SentimentToken> tokens, int index)
    {
        if (!_lexicon.Phrases.TryGetValue(tokens[index].Word(lower), out var phrases))
        {
            return null;
        }

        foreach (var phrase in phrases)
        {
            if (index + phrase.Words.Length > tokens.Length)
            {
                continue;
            }

            var all = true;
            for (var j = 1; j < phrase.Words.Length && all; j++)
            {
                all = tokens[index + j].Word(lower).SequenceEqual(phrase.Words[j]);
            }

            if (all)
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>What a negative text is about: the first plain word after "my", "the", "your"… ("my refund STILL hasn't arrived": "refund").</summary>
    private string? Target(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, Span<SentimentToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var word = tokens[i].Word(lower);
            if (!(word.SequenceEqual("my") || word.SequenceEqual("the") || word.SequenceEqual("your") || word.SequenceEqual("our")))
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Length && j <= i + 2; j++)
            {
                var candidate = tokens[j].Word(lower);
                if (candidate.Length >= 3 && !StopLookup.Contains(candidate) && !_lexicon.Words.ContainsKey(candidate) && IsLetters(candidate))
                {
                    return text.Slice(tokens[j].Start, tokens[j].Length).ToString().ToLowerInvariant();
                }
            }
        }

        return null;
    }

    private static bool IsUpper(ReadOnlySpan<char> word)
    {
        var letters = false;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters |= char.IsUpper(c);
        }

        return letters;
    }

    private static bool IsLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
