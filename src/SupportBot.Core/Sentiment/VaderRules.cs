namespace SupportBot.Core.Sentiment;

/// <summary>
/// VADER's rules around a lexicon word: negations, boosters and dampeners (with their word lists), ALL CAPS among
/// lower case, "never so …", "least", and the emphasis of exclamation and question marks.
/// </summary>
internal static class VaderRules
{
    public const double BoosterIncrement = 0.293;
    public const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;

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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegationLookup = Negations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> BoosterLookup = Boosters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> boosts or dampens the next words; <paramref name="direction"/> is +1 or -1.</summary>
    public static bool TryGetBooster(ReadOnlySpan<char> word, out double direction) => BoosterLookup.TryGetValue(word, out direction);

    /// <summary>True when <paramref name="word"/> boosts or dampens the next words.</summary>
    public static bool IsBooster(ReadOnlySpan<char> word) => BoosterLookup.ContainsKey(word);

    /// <summary>How much exclamation marks (up to four) and repeated question marks add to the feeling.</summary>
    public static double PunctuationEmphasis(ReadOnlySpan<char> text)
    {
        var exclamations = Math.Min(text.Count('!'), 4);
        var questions = text.Count('?');
        return (exclamations * 0.292) + (questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0);
    }

    /// <summary>VADER's valence of a lexicon word: caps, the three words before it (boosters, negation, "never so"), "least".</summary>
    public static double WordValence(SentimentLexicon lexicon, ReadOnlySpan<char> lower, Span<SentimentToken> tokens, int index, double valence, bool capsDiffer)
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
            var previousWord = previous.Word(lower);
            if (lexicon.Words.ContainsKey(previousWord))
            {
                continue;
            }

            if (TryGetBooster(previousWord, out var direction))
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

        if (index > 0 && tokens[index - 1].Word(lower).SequenceEqual("least")
            && !(index > 1 && tokens[index - 2].Word(lower) is var before && (before.SequenceEqual("at") || before.SequenceEqual("very"))))
        {
            valence *= NegationScalar;
        }

        return valence;
    }

    /// <summary>
    /// VADER's negation rule for the word <paramref name="back"/>+1 places before: a negation flips and damps the
    /// valence, while "never so …" and "never this …" intensify it instead ("I have never slept so well").
    /// </summary>
    private static double NeverCheck(double valence, ReadOnlySpan<char> lower, Span<SentimentToken> tokens, int index, int back)
    {
        switch (back)
        {
            case 0:
                return IsNegation(tokens[index - 1].Word(lower)) ? valence * NegationScalar : valence;
            case 1:
                return Is(lower, tokens, index - 2, "never") && SoOrThis(lower, tokens, index - 1) ? valence * 1.5
                    : IsNegation(tokens[index - 2].Word(lower)) ? valence * NegationScalar : valence;
            default:
                return (Is(lower, tokens, index - 3, "never") && SoOrThis(lower, tokens, index - 2)) || SoOrThis(lower, tokens, index - 1) ? valence * 1.25
                    : IsNegation(tokens[index - 3].Word(lower)) ? valence * NegationScalar : valence;
        }
    }

    private static bool Is(ReadOnlySpan<char> lower, Span<SentimentToken> tokens, int at, string word) => at >= 0 && tokens[at].Word(lower).SequenceEqual(word);

    private static bool SoOrThis(ReadOnlySpan<char> lower, Span<SentimentToken> tokens, int at) => Is(lower, tokens, at, "so") || Is(lower, tokens, at, "this");

    /// <summary>True when <paramref name="word"/> negates ("not", "never", "can't", "dont").</summary>
    public static bool IsNegation(ReadOnlySpan<char> word) => NegationLookup.Contains(word) || word.Contains("n't", StringComparison.Ordinal);
}
