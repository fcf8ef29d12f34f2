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

    private static readonly LinearModelSettings HeadSettings = new() { Epochs = 5, L2 = 1e-5 };
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
        var buffer = new int[TextFeaturizer.MaxFeatures + 64];
        var polarityData = new List<(int[], int)>(examples.Count);
        var emotionData = new List<(int[], int)>(examples.Count);
        var forModel = new char[TextFeaturizer.MaxCharacters];
        foreach (var example in examples)
        {
            var text = example.Text.AsSpan(0, Math.Min(example.Text.Length, TextFeaturizer.MaxCharacters));
            var signals = SignalReader.Read(text, out _);
            var lexical = scorer.Score(text, (signals & SignalReader.Complaint) != 0, forModel.AsSpan(0, text.Length));
            var features = buffer.AsSpan(0, HeadFeatures(featurizer, forModel.AsSpan(0, text.Length), lexical, signals, buffer)).ToArray();
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
        Span<double> polarity = stackalloc double[PolarityLabels.Length];
        Span<double> emotions = stackalloc double[EmotionLabels.Length];
        Span<int> features = stackalloc int[BandFeatureCount];
        foreach (var (text, feeling) in feelings)
        {
            var lexical = Read(scorer, text, polarity, emotions, out var signals);
            var count = BandFeatures(text, lexical, signals, polarity, emotions[1..], features);
            data.Add((features[..count].ToArray(), Array.IndexOf(BandOrder, feeling)));
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
    /// The signals and the lexicon's reading of <paramref name="text"/>, and the model's polarity (negative, neutral,
    /// positive) and emotions ("none", then <see cref="EmotionAt"/>'s order) into the spans given.
    /// </summary>
    internal LexiconScore Read(LexiconScorer scorer, ReadOnlySpan<char> text, Span<double> polarity, Span<double> emotions, out FeelingSignal signals)
    {
        text = text[..Math.Min(text.Length, TextFeaturizer.MaxCharacters)];
        signals = SignalReader.Read(text, out var praise);
        var forModel = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var features = ArrayPool<int>.Shared.Rent(TextFeaturizer.MaxFeatures + 64);
        try
        {
            var lexical = scorer.Score(text, (signals & SignalReader.Complaint) != 0, forModel.AsSpan(0, text.Length));
            signals = SignalReader.Resolve(signals, praise, lexical.Complaint && lexical.Compound < 0);
            var count = HeadFeatures(_featurizer, forModel.AsSpan(0, text.Length), lexical, signals, features);
            _polarity.Predict(features.AsSpan(0, count), polarity);
            _emotions.Predict(features.AsSpan(0, count), emotions);
            return lexical;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(forModel);
            ArrayPool<int>.Shared.Return(features);
        }
    }

    /// <summary>
    /// The band of a message from its <paramref name="polarity"/> (the model's, or another reader's confidences) and
    /// <paramref name="emotions"/> (the model's, in <see cref="EmotionAt"/>'s order), with its lexicon reading and signals.
    /// </summary>
    internal Feeling Band(ReadOnlySpan<char> text, LexiconScore lexical, FeelingSignal signals, ReadOnlySpan<double> polarity, ReadOnlySpan<double> emotions)
    {
        if (_bands is null)
        {
            throw new InvalidOperationException("The model has no bands yet.");
        }

        Span<int> features = stackalloc int[BandFeatureCount];
        var count = BandFeatures(text, lexical, signals, polarity, emotions, features);
        Span<double> probabilities = stackalloc double[BandOrder.Length];
        _bands.Predict(features[..count], probabilities);
        var best = 0;
        for (var b = 1; b < probabilities.Length; b++)
        {
            best = probabilities[b] > probabilities[best] ? b : best;
        }

        // Missing an upset customer costs more than being warm to a mildly annoyed one.
        if (BandOrder[best] is not (Feeling.Upset or Feeling.Furious) && probabilities[2] + probabilities[3] >= HotFrom)
        {
            best = probabilities[3] > probabilities[2] ? 3 : 2;
        }

        return Floor(BandOrder[best], lexical, signals);
    }

    /// <summary>
    /// What the labeling guide reads as upset or furious whatever else the message says: shouting and insults are
    /// furious, swearing with a threat or an insult too; swearing, a threat or sarcasm in a complaint is at least
    /// upset. Praise in capitals ("THANK YOU SO MUCH") stays positive.
    /// </summary>
    private static Feeling Floor(Feeling band, LexiconScore lexical, FeelingSignal signals)
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

        if ((signals & (FeelingSignal.Shouting | FeelingSignal.Insult)) != 0 || hot >= 2)
        {
            return Feeling.Furious;
        }

        if (hot > 0 || (signals & FeelingSignal.Sarcasm) != 0)
        {
            return band is Feeling.Furious ? band : Feeling.Upset;
        }

        return band;
    }

    private const int BandFeatureCount = TextFeaturizer.MaxFeatures + 256;

    private static int HeadFeatures(TextFeaturizer featurizer, ReadOnlySpan<char> text, LexiconScore lexical, FeelingSignal signals, Span<int> features)
    {
        var count = featurizer.Extract(text, features[..TextFeaturizer.MaxFeatures]);
        return Lexical(featurizer, lexical, signals, features, count);
    }

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

    private int BandFeatures(ReadOnlySpan<char> text, LexiconScore lexical, FeelingSignal signals, ReadOnlySpan<double> polarity, ReadOnlySpan<double> emotions, Span<int> features)
    {
        var count = _featurizer.Extract(text, features[..TextFeaturizer.MaxFeatures]);
        features[count++] = _featurizer.Feature(10, 0);
        count = Lexical(_featurizer, lexical, signals, features, count);
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
