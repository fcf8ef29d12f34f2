using System.Buffers;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The embedded analyzer: VADER's rules (negation, boosters and dampeners, ALL CAPS among lower case, "but",
/// exclamation and question marks, emoticons) over the VADER lexicon, plus support-domain phrases ("still
/// waiting", "third time", "no one called back") with their emotions, and sarcasm: polite or glowing words inside a
/// complaint ("still waiting, thanks a lot") are not read as praise. No key, no network, in process.
/// </summary>
public sealed class LocalSentimentAnalyzer : ISentimentAnalyzer
{
    private const double BoosterIncrement = 0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;
    private const int MaxTokens = 256;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
        "despite",
    };

    private static readonly Dictionary<string, double> Boosters = new(StringComparer.Ordinal)
    {
        ["absolutely"] = 1,
        ["amazingly"] = 1,
        ["awfully"] = 1,
        ["completely"] = 1,
        ["considerably"] = 1,
        ["decidedly"] = 1,
        ["deeply"] = 1,
        ["effing"] = 1,
        ["enormously"] = 1,
        ["entirely"] = 1,
        ["especially"] = 1,
        ["exceptionally"] = 1,
        ["extremely"] = 1,
        ["fabulously"] = 1,
        ["flipping"] = 1,
        ["flippin"] = 1,
        ["fricking"] = 1,
        ["frickin"] = 1,
        ["frigging"] = 1,
        ["friggin"] = 1,
        ["fully"] = 1,
        ["fucking"] = 1,
        ["greatly"] = 1,
        ["hella"] = 1,
        ["highly"] = 1,
        ["hugely"] = 1,
        ["incredibly"] = 1,
        ["intensely"] = 1,
        ["majorly"] = 1,
        ["more"] = 1,
        ["most"] = 1,
        ["particularly"] = 1,
        ["purely"] = 1,
        ["quite"] = 1,
        ["really"] = 1,
        ["remarkably"] = 1,
        ["so"] = 1,
        ["substantially"] = 1,
        ["thoroughly"] = 1,
        ["totally"] = 1,
        ["tremendously"] = 1,
        ["uber"] = 1,
        ["unbelievably"] = 1,
        ["unusually"] = 1,
        ["utterly"] = 1,
        ["very"] = 1,
        ["almost"] = -1,
        ["barely"] = -1,
        ["hardly"] = -1,
        ["kinda"] = -1,
        ["kindof"] = -1,
        ["kind-of"] = -1,
        ["less"] = -1,
        ["little"] = -1,
        ["marginally"] = -1,
        ["occasionally"] = -1,
        ["partly"] = -1,
        ["scarcely"] = -1,
        ["slightly"] = -1,
        ["somewhat"] = -1,
        ["sorta"] = -1,
        ["sortof"] = -1,
        ["sort-of"] = -1,
        ["a bit"] = -1,
    };

    /// <summary>Words whose praise is not meant when they sit inside a complaint ("great, another delay", "thanks a lot").</summary>
    private static readonly HashSet<string> PoliteOrSarcastic = new(StringComparer.Ordinal)
    {
        "thanks", "thank", "thx", "appreciate", "appreciated", "great", "awesome", "wonderful", "fantastic", "amazing",
        "nice", "lovely", "love", "perfect", "brilliant", "excellent", "good", "ok", "okay", "please", "sure", "lol",
        "haha", "yay", "wow", "fun", "glad", "happy", "best", "cool", "helpful", "like", "well", "kind", "hope", "luck",
    };

    private static readonly HashSet<string> TargetStopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "your", "our", "this", "that", "it", "is", "was", "has", "have", "been", "be", "and", "but",
        "still", "not", "never", "very", "so", "just", "new", "own", "other", "same", "whole", "first", "last", "one",
    };

    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> BoosterLookup = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = Negations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PoliteLookup = PoliteOrSarcastic.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = TargetStopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly SentimentLexicon _lexicon;

    public LocalSentimentAnalyzer(SentimentLexicon lexicon) => _lexicon = lexicon;

    /// <summary>
    /// The analyzer over the VADER lexicon shipped next to the app (<c>sentiment/vader_lexicon.txt</c>, fetched by
    /// the build) and the support lexicon at <paramref name="supportLexiconPath"/> (usually <c>dialogs/sentiment-lexicon.tsv</c>).
    /// </summary>
    public static LocalSentimentAnalyzer Load(string? supportLexiconPath)
    {
        var vader = Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt");
        if (!File.Exists(vader))
        {
            throw new FileNotFoundException($"The VADER lexicon is missing at {vader}; it is fetched from npm (vader-sentiment) by the build. Rebuild with npm available.", vader);
        }

        return new LocalSentimentAnalyzer(SentimentLexicon.Load(vader, supportLexiconPath is not null && File.Exists(supportLexiconPath) ? supportLexiconPath : null));
    }

    public ValueTask<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult(Analyze(text));

    /// <summary>Analyzes <paramref name="text"/> in process; sentences are scored separately when there are several.</summary>
    public SentimentResult Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Score(text.AsSpan());
        IReadOnlyList<SentenceSentiment> sentences;
        var label = document.Label;
        var starts = SentenceStarts(text);
        if (starts.Count <= 1)
        {
            sentences = [new SentenceSentiment(text, 0, document.Label, document.Scores)];
        }
        else
        {
            var list = new List<SentenceSentiment>(starts.Count);
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
                var sentence = text[starts[i]..end].TrimEnd();
                var scored = Score(sentence.AsSpan());
                list.Add(new SentenceSentiment(sentence, starts[i], scored.Label, scored.Scores));
            }

            sentences = list;
            if (list.Exists(s => s.Label == SentimentLabel.Positive) && list.Exists(s => s.Label == SentimentLabel.Negative))
            {
                label = SentimentLabel.Mixed;
            }
        }

        return new SentimentResult
        {
            Label = label,
            Scores = document.Scores,
            Sentences = sentences,
            Compound = document.Compound,
            Intensity = document.Intensity,
            Emotions = document.Emotions,
            Targets = document.Target is null ? [] : [new OpinionTarget(document.Target, document.Label == SentimentLabel.Positive ? SentimentLabel.Positive : SentimentLabel.Negative)],
            Source = "local",
        };
    }

    private Scored Score(ReadOnlySpan<char> text)
    {
        var lowered = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var tokens = ArrayPool<Token>.Shared.Rent(MaxTokens);
        var sentiments = ArrayPool<double>.Shared.Rent(MaxTokens);
        try
        {
            text.ToLowerInvariant(lowered);
            var lower = lowered.AsSpan(0, text.Length);

            // Phones and word processors type "don’t" with a typographic apostrophe; negation must still see "don't".
            lower.Replace('\u2019', '\'');
            var count = Tokenize(text, lower, tokens);
            return count == 0 ? Scored.Empty : Valence(text, lower, tokens.AsSpan(0, count), sentiments.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(lowered);
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<double>.Shared.Return(sentiments);
        }
    }

    /// <summary>Words and emoticons as VADER sees them: split on white space, edge punctuation stripped, one-letter words dropped.</summary>
    private int Tokenize(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, Token[] tokens)
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
            tokens[count++] = new Token(s, e - s, IsUpper(word));
        }

        return count;
    }

    private Scored Valence(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, Span<Token> tokens, Span<double> sentiments)
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
        for (var i = 0; i < tokens.Length; i++)
        {
            sentiments[i] = 0;
            var word = Word(lower, tokens[i]);
            if (butIndex < 0 && word.SequenceEqual("but"))
            {
                butIndex = i;
            }

            if (i <= consumedUntil)
            {
                continue;
            }

            if (MatchPhrase(lower, tokens, i) is { } phrase)
            {
                var value = phrase.Valence + (capsDiffer && tokens[i].Upper ? Math.Sign(phrase.Valence) * CapsIncrement : 0);
                if (i > 0 && BoosterLookup.TryGetValue(Word(lower, tokens[i - 1]), out var boost))
                {
                    value += Math.Sign(value) * boost * BoosterIncrement;
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

            if (BoosterLookup.ContainsKey(word) || (word.SequenceEqual("kind") && i + 1 < tokens.Length && Word(lower, tokens[i + 1]).SequenceEqual("of")))
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
                sentiments[i] = WordValence(lower, tokens, i, lexical, capsDiffer);
            }
        }

        // Praise inside a complaint (support phrases such as "still waiting") is sarcasm or politeness, not praise.
        var sarcastic = false;
        if (complaint <= -1.0)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                // After a "but" the praise is the point ("damaged, but the courier was lovely and fixed it").
                if (sentiments[i] > 0 && (butIndex < 0 || i < butIndex) && PoliteLookup.Contains(Word(lower, tokens[i])))
                {
                    sentiments[i] = 0;
                    sarcastic = true;
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

        double sum = 0, positive = 0, negativeSum = 0, neutral = 0;
        foreach (var value in sentiments)
        {
            sum += value;
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

        var emphasis = PunctuationEmphasis(text);
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
        return new Scored(label, scores, compound, intensity, emotionList, target);
    }

    /// <summary>VADER's valence of a lexicon word: caps, the three words before it (boosters, negation, "never so"), "least".</summary>
    private double WordValence(ReadOnlySpan<char> lower, Span<Token> tokens, int index, double valence, bool capsDiffer)
    {
        if (tokens[index].Upper && capsDiffer)
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        for (var back = 0; back < 3; back++)
        {
            if (index <= back)
            {
                break;
            }

            var previous = tokens[index - back - 1];
            var previousWord = Word(lower, previous);
            if (_lexicon.Words.ContainsKey(previousWord))
            {
                continue;
            }

            if (BoosterLookup.TryGetValue(previousWord, out var direction))
            {
                var scalar = direction * BoosterIncrement * (valence < 0 ? -1 : 1);
                if (capsDiffer && previous.Upper)
                {
                    scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
                }

                valence += scalar * (back == 1 ? 0.95 : back == 2 ? 0.9 : 1);
            }

            valence = NeverCheck(valence, lower, tokens, index, back);
        }

        if (index > 0 && Word(lower, tokens[index - 1]).SequenceEqual("least")
            && !(index > 1 && Word(lower, tokens[index - 2]) is var before && (before.SequenceEqual("at") || before.SequenceEqual("very"))))
        {
            valence *= NegationScalar;
        }

        return valence;
    }

    /// <summary>
    /// VADER's negation rule for the word <paramref name="back"/>+1 places before: a negation flips and damps the
    /// valence, while "never so …" and "never this …" intensify it instead ("I have never slept so well").
    /// </summary>
    private static double NeverCheck(double valence, ReadOnlySpan<char> lower, Span<Token> tokens, int index, int back)
    {
        switch (back)
        {
            case 0:
                return IsNegation(Word(lower, tokens[index - 1])) ? valence * NegationScalar : valence;
            case 1:
                return Is(lower, tokens, index - 2, "never") && SoOrThis(lower, tokens, index - 1) ? valence * 1.5
                    : IsNegation(Word(lower, tokens[index - 2])) ? valence * NegationScalar : valence;
            default:
                return (Is(lower, tokens, index - 3, "never") && SoOrThis(lower, tokens, index - 2)) || SoOrThis(lower, tokens, index - 1) ? valence * 1.25
                    : IsNegation(Word(lower, tokens[index - 3])) ? valence * NegationScalar : valence;
        }
    }

    private static bool Is(ReadOnlySpan<char> lower, Span<Token> tokens, int at, string word) => at >= 0 && Word(lower, tokens[at]).SequenceEqual(word);

    private static bool SoOrThis(ReadOnlySpan<char> lower, Span<Token> tokens, int at) => Is(lower, tokens, at, "so") || Is(lower, tokens, at, "this");

    private SentimentLexicon.Phrase? MatchPhrase(ReadOnlySpan<char> lower, Span<Token> tokens, int index)
    {
        if (!_lexicon.Phrases.TryGetValue(Word(lower, tokens[index]), out var phrases))
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
                all = Word(lower, tokens[index + j]).SequenceEqual(phrase.Words[j]);
            }

            if (all)
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>What a negative text is about: the first plain word after "my", "the", "your"… ("my refund STILL hasn't arrived": "refund").</summary>
    private string? Target(ReadOnlySpan<char> text, ReadOnlySpan<char> lower, Span<Token> tokens)
    {
        for (var i = 0; i + 1 < tokens.Length; i++)
        {
            var word = Word(lower, tokens[i]);
            if (!(word.SequenceEqual("my") || word.SequenceEqual("the") || word.SequenceEqual("your") || word.SequenceEqual("our")))
            {
                continue;
            }

            for (var j = i + 1; j < tokens.Length && j <= i + 2; j++)
            {
                var candidate = Word(lower, tokens[j]);
                if (candidate.Length >= 3 && !StopLookup.Contains(candidate) && !_lexicon.Words.ContainsKey(candidate) && IsLetters(candidate))
                {
                    return text.Slice(tokens[j].Start, tokens[j].Length).ToString().ToLowerInvariant();
                }
            }
        }

        return null;
    }

    private static bool IsNegation(ReadOnlySpan<char> word) => NegationLookup.Contains(word) || word.Contains("n't", StringComparison.Ordinal);

    private static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        var exclamations = Math.Min(text.Count('!'), 4);
        var questions = text.Count('?');
        return (exclamations * 0.292) + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> lower, Token token) => lower.Slice(token.Start, token.Length);

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

    private static List<int> SentenceStarts(string text)
    {
        var starts = new List<int>(2) { 0 };
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && char.IsWhiteSpace(text[i + 1]))
            {
                var next = i + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && next - starts[^1] > 1)
                {
                    starts.Add(next);
                }

                i = next - 1;
            }
        }

        return starts;
    }

    private readonly record struct Token(int Start, int Length, bool Upper);

    private sealed record Scored(SentimentLabel Label, SentimentScores Scores, double Compound, double Intensity, IReadOnlyList<EmotionTag> Emotions, string? Target)
    {
        public static Scored Empty { get; } = new(SentimentLabel.Neutral, new SentimentScores(0, 1, 0), 0, 0, [], null);
    }
}
