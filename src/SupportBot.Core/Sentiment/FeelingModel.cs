using System.Buffers;
using System.IO.Compression;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The trained part of the feeling reader: three <see cref="LinearModel"/>s over <see cref="TextFeaturizer"/>
/// features (words and word pairs) and what the lexicon and the <see cref="SignalReader"/> found. The polarity
/// (negative, neutral, positive) and the emotions learn from GoEmotions' Reddit comments; the band (calm, mild, upset,
/// furious, positive) learns from customers' first messages labeled by how they feel, reading the polarity, the
/// emotions, the lexicon and the signals. It ships in the assembly (<c>feeling-model.bin</c>); <see cref="Train"/>
/// makes it again, the same bytes from the same files.
/// </summary>
public sealed class FeelingModel
{
    /// <summary>The feature space is 2^18 wide.</summary>
    private const int Bits = 18;

    private const string Magic = "SupportBot feeling model";
    private const int Version = 1;
    private const string Resource = "SupportBot.Core.Sentiment.feeling-model.bin";

    /// <summary>The emotions the model reads, in the order of its labels (after "none").</summary>
    private static readonly Emotion[] EmotionOrder = [Emotion.Anger, Emotion.Frustration, Emotion.Sadness, Emotion.Anxiety, Emotion.Disappointment, Emotion.Confusion, Emotion.Gratitude];
    private static readonly string[] PolarityLabels = ["negative", "neutral", "positive"];
    private static readonly string[] EmotionLabels = ["none", .. EmotionOrder.Select(e => e.ToString().ToLowerInvariant())];
    private static readonly Feeling[] BandOrder = [Feeling.Calm, Feeling.Mild, Feeling.Upset, Feeling.Furious, Feeling.Positive];
    private static readonly string[] BandLabels = [.. BandOrder.Select(b => b.ToString().ToLowerInvariant())];
    private static readonly FeelingSignal[] Signals = [.. Enum.GetValues<FeelingSignal>().Where(s => s != FeelingSignal.None)];

    private static readonly double[] CompoundSteps = [0.05, 0.2, 0.4, 0.6, 0.8];
    private static readonly double[] ValenceSteps = [0.5, 1, 1.5, 2, 2.5, 3, 4, 6];
    private static readonly double[] ProbabilitySteps = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    private static readonly double[] EmotionSteps = [0.1, 0.2, 0.3, 0.5];

    private static readonly LinearModelSettings HeadSettings = new() { Epochs = 10, L2 = 1e-5 };
    private static readonly LinearModelSettings BandSettings = new() { Epochs = 15, L2 = 1e-3 };

    /// <summary>Upset or furious together at least this likely make the band upset (or furious), whichever band is likeliest.</summary>
    private const double HotFrom = 0.35;

    private static readonly Lazy<FeelingModel> Embedded = new(() =>
    {
        using var stream = typeof(FeelingModel).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The feeling model ({Resource}) is missing from the assembly; make it with 'supportbot sentiment train'.");
        return Read(stream);
    });

    private readonly TextFeaturizer _featurizer = new(Bits, characterGrams: false);
    private readonly LinearModel _polarity;
    private readonly LinearModel _emotions;
    private readonly LinearModel? _bands;

    private FeelingModel(LinearModel polarity, LinearModel emotions, LinearModel? bands)
    {
        _polarity = polarity;
        _emotions = emotions;
        _bands = bands;
    }

    /// <summary>The model that ships in the assembly.</summary>
    public static FeelingModel Default => Embedded.Value;

    /// <summary>How many emotions it reads: the length of the emotion probabilities it writes, after "none".</summary>
    internal static int EmotionCount => EmotionOrder.Length;

    /// <summary>The emotion of the probability at <paramref name="index"/> (after "none").</summary>
    internal static Emotion EmotionAt(int index) => EmotionOrder[index];

    /// <summary>
    /// Trains the model: polarity and emotions from <paramref name="examples"/> (GoEmotions' training comments), then the
    /// bands from <paramref name="feelings"/>. One thread, a fixed order: the same inputs give the same model.
    /// </summary>
    public static FeelingModel Train(SentimentLexicon lexicon, IReadOnlyList<EmotionExample> examples, IReadOnlyList<(string Text, Feeling Feeling)> feelings)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(examples);
        var scorer = new LexiconScorer(lexicon);
        var featurizer = new TextFeaturizer(Bits, characterGrams: false);
        var buffer = new int[FeatureCount];
        var polarityData = new List<(int[], int)>(examples.Count);
        var emotionData = new List<(int[], int)>(examples.Count);
        foreach (var example in examples)
        {
            var features = buffer[..HeadFeatures(scorer, featurizer, example.Text, buffer, out _, out _)];
            if (example.Polarity is { } polarity)
            {
                polarityData.Add((features, polarity switch { SentimentLabel.Negative => 0, SentimentLabel.Positive => 2, _ => 1 }));
            }

            var any = false;
            for (var e = 0; e < EmotionOrder.Length; e++)
            {
                if (example.Emotions.Contains(EmotionOrder[e]))
                {
                    emotionData.Add((features, e + 1));
                    any = true;
                }
            }

            if (!any)
            {
                emotionData.Add((features, 0));
            }
        }

        var heads = new FeelingModel(
            LinearModel.Train(polarityData, PolarityLabels, featurizer.Dimension, HeadSettings),
            LinearModel.Train(emotionData, EmotionLabels, featurizer.Dimension, HeadSettings),
            null);
        return heads.WithBands(lexicon, feelings);
    }

    /// <summary>This model's polarity and emotions with bands learned from <paramref name="feelings"/> (cross-validation trains one per fold).</summary>
    public FeelingModel WithBands(SentimentLexicon lexicon, IReadOnlyList<(string Text, Feeling Feeling)> feelings)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(feelings);
        var scorer = new LexiconScorer(lexicon);
        var data = new List<(int[], int)>(feelings.Count);
        var features = new int[FeatureCount];
        Span<double> polarity = stackalloc double[PolarityLabels.Length];
        Span<double> emotions = stackalloc double[EmotionLabels.Length];
        foreach (var (text, feeling) in feelings)
        {
            var count = Features(scorer, text, features, polarity, emotions, null, out _, out _);
            data.Add((features[..count], Array.IndexOf(BandOrder, feeling)));
        }

        return new FeelingModel(_polarity, _emotions, LinearModel.Train(data, BandLabels, _featurizer.Dimension, BandSettings));
    }

    /// <summary>Reads a model <see cref="Write"/> wrote.</summary>
    public static FeelingModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var unzipped = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(unzipped);
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("Not a SupportBot feeling model of this version; make it again with 'supportbot sentiment train'.");
        }

        return new FeelingModel(LinearModel.Read(reader), LinearModel.Read(reader), LinearModel.Read(reader));
    }

    /// <summary>Writes the model, compressed: 8-bit weights, rows that round to zero left out.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (_bands is null)
        {
            throw new InvalidOperationException("The model has no bands yet.");
        }

        using var zipped = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zipped);
        writer.Write(Magic);
        writer.Write(Version);
        _polarity.Write(writer);
        _emotions.Write(writer);
        _bands.Write(writer);
    }

    /// <summary>
    /// Reads <paramref name="text"/>: its signals and the lexicon's reading (returned), the model's polarity (negative,
    /// neutral, positive) and emotions ("none", then <see cref="EmotionAt"/>'s order) into the spans given, and its band,
    /// read with the model's polarity or, when given, another reader's confidences (<paramref name="scores"/>).
    /// </summary>
    internal LexiconScore Read(LexiconScorer scorer, ReadOnlySpan<char> text, Span<double> polarity, Span<double> emotions, out FeelingSignal signals, out Feeling band, SentimentScores? scores = null)
    {
        if (_bands is null)
        {
            throw new InvalidOperationException("The model has no bands yet.");
        }

        var features = ArrayPool<int>.Shared.Rent(FeatureCount);
        try
        {
            var count = Features(scorer, text, features, polarity, emotions, scores, out var lexical, out signals);
            Span<double> probabilities = stackalloc double[BandOrder.Length];
            _bands.Predict(features.AsSpan(0, count), probabilities);
            var best = 0;
            for (var b = 1; b < probabilities.Length; b++)
            {
                best = probabilities[b] > probabilities[best] ? b : best;
            }

            // Praise with nothing to complain of is positive, whatever its exclamation marks and capitals ("SO excited!!").
            var positive = (scores?.Positive ?? polarity[2]) >= 0.5 && lexical.Compound >= 0.3 && (signals & SignalReader.Complaint) == 0;
            if (positive)
            {
                band = BandOrder[best];
                return lexical;
            }

            // Missing an upset customer costs more than being warm to a mildly annoyed one.
            if (BandOrder[best] is not (Feeling.Upset or Feeling.Furious) && probabilities[2] + probabilities[3] >= HotFrom)
            {
                best = probabilities[3] > probabilities[2] ? 3 : 2;
            }

            band = Floor(BandOrder[best], signals, lexical.Rage);
            return lexical;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(features);
        }
    }

    /// <summary>
    /// The features of <paramref name="text"/> into <paramref name="features"/>: the polarity and emotions read from its
    /// words (politeness in a complaint blanked) and what the lexicon and the signals found, then what the band reads
    /// besides: the polarity (or <paramref name="scores"/>) and emotions, exclamation and question marks, the length.
    /// </summary>
    private int Features(LexiconScorer scorer, ReadOnlySpan<char> text, int[] features, Span<double> polarity, Span<double> emotions, SentimentScores? scores, out LexiconScore lexical, out FeelingSignal signals)
    {
        var count = HeadFeatures(scorer, _featurizer, text, features, out lexical, out signals);
        if (lexical.Framing)
        {
            // Only a greeting or "please": nothing to read a feeling from.
            polarity.Clear();
            polarity[1] = 1;
            emotions.Clear();
            emotions[0] = 1;
        }
        else
        {
            _polarity.Predict(features.AsSpan(0, count), polarity);
            _emotions.Predict(features.AsSpan(0, count), emotions);
        }

        Span<double> given = [scores?.Negative ?? 0, scores?.Neutral ?? 0, scores?.Positive ?? 0];
        return BandFeatures(text, scores is null ? polarity : given, emotions[1..], features, count);
    }

    /// <summary>
    /// The features the polarity and emotions read: the words (politeness in a complaint blanked) and what the lexicon
    /// and the signals found.
    /// </summary>
    private static int HeadFeatures(LexiconScorer scorer, TextFeaturizer featurizer, ReadOnlySpan<char> text, int[] features, out LexiconScore lexical, out FeelingSignal signals)
    {
        text = text[..Math.Min(text.Length, TextFeaturizer.MaxCharacters)];
        signals = SignalReader.Read(text, out var praise);
        var forModel = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        try
        {
            lexical = scorer.Score(text, (signals & SignalReader.Complaint) != 0, forModel.AsSpan(0, text.Length));
            signals = SignalReader.Resolve(signals, praise, lexical.Complaint && lexical.Compound < 0);
            var count = featurizer.Extract(forModel.AsSpan(0, text.Length), features.AsSpan(0, TextFeaturizer.MaxFeatures));
            return Lexical(featurizer, lexical, signals, features, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(forModel);
        }
    }

    /// <summary>
    /// What the labeling guide reads as upset or furious whatever else the message says: shouting, insults and a
    /// customer saying they are furious are furious, swearing with a threat too; swearing, a threat or sarcasm is at
    /// least upset. Furious needs something of that kind, or capitals or doubled punctuation: angry words alone ("the
    /// courier was rude") are upset; a word in capitals or doubled punctuation is never calm ("I need it TODAY??").
    /// Praise in capitals ("THANK YOU SO MUCH") stays positive.
    /// </summary>
    private static Feeling Floor(Feeling band, FeelingSignal signals, bool rage)
    {
        if (band == Feeling.Positive && (signals & SignalReader.Complaint) == 0)
        {
            return band;
        }

        var hot = 0;
        foreach (var signal in (ReadOnlySpan<FeelingSignal>)[FeelingSignal.Shouting, FeelingSignal.Insult, FeelingSignal.Profanity, FeelingSignal.Threat])
        {
            hot += (signals & signal) != 0 ? 1 : 0;
        }

        if ((signals & (FeelingSignal.Shouting | FeelingSignal.Insult)) != 0 || hot >= 2 || rage)
        {
            return Feeling.Furious;
        }

        if (hot > 0 || (signals & FeelingSignal.Sarcasm) != 0)
        {
            return band is Feeling.Furious ? band : Feeling.Upset;
        }

        var raised = (signals & (FeelingSignal.Emphasis | FeelingSignal.RepeatedPunctuation)) != 0;
        return band switch
        {
            Feeling.Furious when !raised => Feeling.Upset,
            Feeling.Calm when raised => Feeling.Mild,
            _ => band,
        };
    }

    /// <summary>Room for a text's features and what the lexicon, signals and band add.</summary>
    private const int FeatureCount = TextFeaturizer.MaxFeatures + 256;

    /// <summary>What the lexicon and the signals found, as features: the compound, the negative words, the emotions, each signal.</summary>
    private static int Lexical(TextFeaturizer featurizer, LexiconScore lexical, FeelingSignal signals, Span<int> features, int count)
    {
        count = Thermometer(featurizer, 1, lexical.Compound, CompoundSteps, features, count);
        count = Thermometer(featurizer, 2, -lexical.Compound, CompoundSteps, features, count);
        count = Thermometer(featurizer, 3, -lexical.NegativeSum, ValenceSteps, features, count);
        count = Thermometer(featurizer, 4, -lexical.MostNegative, ValenceSteps, features, count);
        foreach (var emotion in lexical.Emotions)
        {
            features[count++] = featurizer.Feature(5, (uint)emotion.Emotion);
        }

        foreach (var signal in Signals)
        {
            if ((signals & signal) != 0)
            {
                features[count++] = featurizer.Feature(6, (uint)signal);
            }
        }

        return count;
    }

    private int BandFeatures(ReadOnlySpan<char> text, ReadOnlySpan<double> polarity, ReadOnlySpan<double> emotions, Span<int> features, int count)
    {
        features[count++] = _featurizer.Feature(10, 0);
        count = Thermometer(_featurizer, 11, polarity[0], ProbabilitySteps, features, count);
        count = Thermometer(_featurizer, 12, polarity[2], ProbabilitySteps, features, count);
        for (var e = 0; e < EmotionOrder.Length; e++)
        {
            count = Thermometer(_featurizer, 20 + (uint)e, emotions[e], EmotionSteps, features, count);
        }

        var exclamations = Math.Min(text.Count('!'), 3);
        for (var i = 1; i <= exclamations; i++)
        {
            features[count++] = _featurizer.Feature(13, (uint)i);
        }

        if (text.Contains('?'))
        {
            features[count++] = _featurizer.Feature(14, 0);
        }

        var words = text.Count(' ') + 1;
        features[count++] = _featurizer.Feature(15, words <= 3 ? 0u : words <= 8 ? 1u : words <= 20 ? 2u : 3u);
        return count;
    }

    /// <summary>One feature for each step <paramref name="value"/> reaches, so a larger value has all the smaller one's features too.</summary>
    private static int Thermometer(TextFeaturizer featurizer, uint seed, double value, double[] steps, Span<int> features, int count)
    {
        for (var s = 0; s < steps.Length && value >= steps[s]; s++)
        {
            features[count++] = featurizer.Feature(seed + 1000, (uint)s);
        }

        return count;
    }
}
