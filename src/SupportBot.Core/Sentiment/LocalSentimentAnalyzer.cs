namespace SupportBot.Core.Sentiment;

/// <summary>
/// The embedded feeling reader. The lexicon (<see cref="LexiconScorer"/>: VADER's rules and lexicon, the support
/// phrases, sarcasm) and the <see cref="SignalReader"/> read the message; the trained <see cref="FeelingModel"/> reads
/// its polarity and emotions from its words and what the lexicon found, then its band: calm, mild, upset, furious or
/// positive. Politeness in a complaint ("please help", "thanks in advance") counts for nothing. No key, no network,
/// in process; immutable, so one instance serves every turn at once.
/// </summary>
public sealed class LocalSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>How much of the compound is the model's (positive minus negative probability); the rest is the lexicon's.</summary>
    private const double ModelShare = 0.5;

    /// <summary>Where the blended score turns negative and positive; the compound maps them to -0.05 and +0.05.</summary>
    private const double NegativeBelow = -0.08, PositiveFrom = 0.3;

    /// <summary>An emotion the model gives at least this probability is found.</summary>
    private const double EmotionFrom = 0.25;

    /// <summary>The signals of a customer kept waiting or trying, and how strong the frustration they carry is.</summary>
    private const FeelingSignal Waited = FeelingSignal.Waiting | FeelingSignal.Tried | FeelingSignal.Recurrence;

    /// <summary>Anger aimed at the company: insults, swearing, shouting.</summary>
    private const FeelingSignal Aimed = FeelingSignal.Insult | FeelingSignal.Profanity | FeelingSignal.Shouting;

    private const double WaitedFrustration = 0.5;

    private readonly LexiconScorer _scorer;
    private readonly FeelingModel? _model;

    /// <param name="lexicon">The words and phrases.</param>
    /// <param name="model">The trained model; none reads by the lexicon alone (its band is only calm, mild or positive).</param>
    public LocalSentimentAnalyzer(SentimentLexicon lexicon, FeelingModel? model)
    {
        _scorer = new LexiconScorer(lexicon);
        _model = model;
    }

    /// <summary>
    /// The analyzer over the VADER lexicon shipped next to the app (<c>sentiment/vader_lexicon.txt</c>, fetched by
    /// the build), the support lexicon at <paramref name="supportLexiconPath"/> (usually <c>dialogs/sentiment-lexicon.tsv</c>)
    /// and the feeling model that ships in the assembly.
    /// </summary>
    public static LocalSentimentAnalyzer Load(string? supportLexiconPath)
    {
        var vader = Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt");
        if (!File.Exists(vader))
        {
            throw new FileNotFoundException($"The VADER lexicon is missing at {vader}; it is fetched from npm (vader-sentiment) by the build. Rebuild with npm available.", vader);
        }

        return new LocalSentimentAnalyzer(SentimentLexicon.Load(vader, supportLexiconPath is not null && File.Exists(supportLexiconPath) ? supportLexiconPath : null), FeelingModel.Default);
    }

    public ValueTask<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult(Analyze(text));

    /// <summary>Analyzes <paramref name="text"/> in process; sentences are scored separately when there are several.</summary>
    public SentimentResult Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<double> polarity = stackalloc double[3];
        Span<double> emotions = stackalloc double[FeelingModel.EmotionCount + 1];
        FeelingSignal signals;
        LexiconScore lexical;
        double compound;
        Feeling feeling;
        SentimentScores scores;
        if (_model is null)
        {
            signals = SignalReader.Read(text, out var praise);
            lexical = _scorer.Score(text, (signals & SignalReader.Complaint) != 0, []);
            signals = SignalReader.Resolve(signals, praise, lexical.Complaint && lexical.Compound < 0);
            compound = lexical.Compound;
            scores = lexical.Scores;
            feeling = compound >= 0.05 ? Feeling.Positive : compound <= -0.05 ? Feeling.Mild : Feeling.Calm;
        }
        else
        {
            lexical = _model.Read(_scorer, text, polarity, emotions, out signals, out feeling);
            compound = Compound((ModelShare * (polarity[2] - polarity[0])) + ((1 - ModelShare) * lexical.Compound));

            // Insults, threats and sarcasm read as praise word by word ("you're a joke", "great job, really"): an upset or
            // furious customer who writes them is negative. One who complains politely is never positive ("I'd be grateful
            // for your help… kind regards"). A positive customer is not negative.
            compound = feeling switch
            {
                Feeling.Upset or Feeling.Furious when (signals & (FeelingSignal.Insult | FeelingSignal.Threat | FeelingSignal.Sarcasm)) != 0 => Math.Min(compound, -0.05),
                Feeling.Upset or Feeling.Furious when lexical.Complaint && (signals & FeelingSignal.Politeness) != 0 => Math.Min(compound, 0),
                Feeling.Positive => Math.Max(compound, 0.05),
                _ => compound,
            };
            scores = new SentimentScores(polarity[2], polarity[1], polarity[0]);
        }

        var label = compound >= 0.05 ? SentimentLabel.Positive : compound <= -0.05 ? SentimentLabel.Negative : SentimentLabel.Neutral;
        var found = Emotions(lexical, _model is null ? [] : emotions[1..]);
        if (feeling is Feeling.Mild or Feeling.Upset or Feeling.Furious && (signals & Waited) != 0 && !found.Exists(e => e.Emotion == Emotion.Frustration))
        {
            // Waiting, trying again and again, the same problem back: whatever the words, an agent reads frustration.
            found.Add(new EmotionTag(Emotion.Frustration, WaitedFrustration));
            found.Sort((a, b) => b.Strength.CompareTo(a.Strength));
        }

        if (feeling == Feeling.Furious && (signals & Aimed) != 0 && found.FindIndex(e => e.Emotion == Emotion.Anger) is var anger and > 0)
        {
            // "Because of you idiots. This is a f***ing joke": insults and swearing at us are anger first, whatever
            // worry or sadness the words also carry (never "I can tell how worried you are").
            found[anger] = new EmotionTag(Emotion.Anger, Math.Max(found[anger].Strength, found[0].Strength));
            found.Sort((a, b) => b.Strength.CompareTo(a.Strength) is 0 and var same ? (a.Emotion == Emotion.Anger ? -1 : b.Emotion == Emotion.Anger ? 1 : same) : b.Strength.CompareTo(a.Strength));
        }

        double strongest = 0;
        foreach (var emotion in found)
        {
            strongest = emotion.Emotion == Emotion.Gratitude ? strongest : Math.Max(strongest, emotion.Strength);
        }

        return new SentimentResult
        {
            Label = Mixed(text, label, scores, out var sentences),
            Scores = scores,
            Sentences = sentences,
            Compound = Math.Round(compound, 4),
            Intensity = Math.Round(Math.Min(1, Math.Max(Math.Abs(compound), label == SentimentLabel.Negative ? 0.7 * strongest : 0)), 3),
            Emotions = found,
            Targets = lexical.Target is null || label != SentimentLabel.Negative ? [] : [new OpinionTarget(lexical.Target, SentimentLabel.Negative)],
            Feeling = feeling,
            Signals = signals,
            Source = "local",
        };
    }

    /// <summary>
    /// The band of <paramref name="text"/> read with another reader's confidences (Azure AI Language's), with this
    /// reader's emotions and signals: production and the embedded reader give the same bands.
    /// </summary>
    public Feeling Band(string text, SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scores);
        if (_model is null)
        {
            var difference = scores.Positive - scores.Negative;
            return difference >= 0.05 ? Feeling.Positive : difference <= -0.05 ? Feeling.Mild : Feeling.Calm;
        }

        Span<double> polarity = stackalloc double[3];
        Span<double> emotions = stackalloc double[FeelingModel.EmotionCount + 1];
        _model.Read(_scorer, text, polarity, emotions, out _, out var band, scores);
        return band;
    }

    /// <summary>
    /// The blended score as a compound from -1 to 1 where -0.05 and +0.05 are where it turns negative and positive,
    /// so every reader of the compound (and Azure AI Language's positive minus negative) uses the same cut.
    /// </summary>
    private static double Compound(double blended) =>
        blended >= PositiveFrom ? 0.05 + ((blended - PositiveFrom) * 0.95 / (1 - PositiveFrom))
        : blended <= NegativeBelow ? -0.05 + ((blended - NegativeBelow) * 0.95 / (1 + NegativeBelow))
        : -0.05 + ((blended - NegativeBelow) * 0.1 / (PositiveFrom - NegativeBelow));

    /// <summary>The lexicon's emotions and the model's likely ones, strongest first; no gratitude in sarcasm, no confusion but the lexicon's.</summary>
    private static List<EmotionTag> Emotions(LexiconScore lexical, ReadOnlySpan<double> model)
    {
        var found = new List<EmotionTag>(lexical.Emotions.Count + 2);
        foreach (var tag in lexical.Emotions)
        {
            found.Add(tag);
        }

        for (var e = 0; e < model.Length; e++)
        {
            // Confusion is the lexicon's to find ("I don't understand"): the model reads every question as confused.
            var emotion = FeelingModel.EmotionAt(e);
            if (model[e] < EmotionFrom || emotion == Emotion.Confusion || (emotion == Emotion.Gratitude && lexical.Sarcastic))
            {
                continue;
            }

            var at = found.FindIndex(t => t.Emotion == emotion);
            if (at < 0)
            {
                found.Add(new EmotionTag(emotion, Math.Round(model[e], 3)));
            }
            else if (found[at].Strength < model[e])
            {
                found[at] = new EmotionTag(emotion, Math.Round(model[e], 3));
            }
        }

        found.Sort((a, b) => b.Strength.CompareTo(a.Strength));
        return found;
    }

    /// <summary>The sentences, each scored by the lexicon, and the label: mixed when one sentence is positive and another negative.</summary>
    private SentimentLabel Mixed(string text, SentimentLabel label, SentimentScores scores, out IReadOnlyList<SentenceSentiment> sentences)
    {
        var starts = SentenceStarts(text);
        if (starts.Count <= 1)
        {
            sentences = [new SentenceSentiment(text, 0, label, scores)];
            return label;
        }

        var list = new List<SentenceSentiment>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            var sentence = text[starts[i]..end].TrimEnd();
            var scored = _scorer.Score(sentence, complaint: false, []);
            list.Add(new SentenceSentiment(sentence, starts[i], scored.Label, scored.Scores));
        }

        sentences = list;
        return list.Exists(s => s.Label == SentimentLabel.Positive) && list.Exists(s => s.Label == SentimentLabel.Negative) ? SentimentLabel.Mixed : label;
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
}
