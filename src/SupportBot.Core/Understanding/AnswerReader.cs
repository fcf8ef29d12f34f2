using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Matches a customer's question to an admin's answer: a <see cref="LinearModel"/> over <see cref="TextFeaturizer"/>
/// features, trained on each answer's example questions and on a "none" class of other customers' messages, so a
/// message no answer covers is not forced onto the nearest one. A match counts only when the answer is the most
/// likely label and at least <see cref="Threshold"/> sure. Immutable once trained.
/// </summary>
public sealed partial class AnswerReader
{
    /// <summary>How sure the reader must be, by default, to give an answer rather than offer a colleague.</summary>
    public const double DefaultThreshold = 0.6;

    /// <summary>How sure a first model must be of an answer for an example question to count as covered by it.</summary>
    public const double CoveredFrom = 0.85;

    private readonly TextFeaturizer _featurizer;
    private readonly LinearModel? _model;

    private AnswerReader(IReadOnlyList<Answer> answers, TextFeaturizer featurizer, LinearModel? model, double threshold)
    {
        Answers = answers;
        _featurizer = featurizer;
        _model = model;
        Threshold = threshold;
    }

    /// <summary>A reader with no answers: every question gets the offer of a colleague.</summary>
    public static AnswerReader None { get; } = new([], new TextFeaturizer(bits: 8), null, DefaultThreshold);

    /// <summary>The answers it can give.</summary>
    public IReadOnlyList<Answer> Answers { get; }

    /// <summary>The probability below which a question gets no answer.</summary>
    public double Threshold { get; }

    /// <summary>
    /// Trains on <paramref name="answers"/>' example questions against "none": the messages in <paramref name="none"/>
    /// (complaints, requests: no answer covers them), and the <paramref name="questions"/> that are not an answer's
    /// example and that a first model, trained without them, does not give an answer to with at least
    /// <see cref="CoveredFrom"/> (questions customers ask that the answers do not cover, such as "do you sell gift
    /// cards?"). The same inputs always give the same reader.
    /// </summary>
    public static AnswerReader Train(IReadOnlyList<Answer> answers, IEnumerable<string> none, IEnumerable<string>? questions = null, double threshold = DefaultThreshold, LinearModelSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(none);
        if (answers.Count == 0)
        {
            return None;
        }

        settings ??= new LinearModelSettings();
        var featurizer = new TextFeaturizer();
        var buffer = new int[TextFeaturizer.MaxFeatures];
        var data = new List<(int[], int)>();
        for (var a = 0; a < answers.Count; a++)
        {
            data.AddRange(answers[a].Examples.Select(e => (Features(e), a)));
        }

        data.AddRange(none.Select(text => (Features(text), answers.Count)));
        var labels = answers.Select(a => a.Id).Append(string.Empty).ToList();
        var reader = new AnswerReader(answers, featurizer, LinearModel.Train(data, labels, featurizer.Dimension, settings), threshold);
        var examples = answers.SelectMany(a => a.Examples).Select(TextFeaturizer.Normalize).ToHashSet(StringComparer.Ordinal);
        var uncovered = (questions ?? []).Where(q => !examples.Contains(TextFeaturizer.Normalize(q)) && reader.Match(q) is not { Confidence: >= CoveredFrom }).ToList();
        if (uncovered.Count == 0)
        {
            return reader;
        }

        data.AddRange(uncovered.Select(text => (Features(text), answers.Count)));
        return new AnswerReader(answers, featurizer, LinearModel.Train(data, labels, featurizer.Dimension, settings), threshold);

        int[] Features(string text) => buffer.AsSpan(0, featurizer.Extract(text, buffer)).ToArray();
    }

    /// <summary>The answer to <paramref name="question"/>, or null when no answer is sure enough.</summary>
    public AnswerMatch? Match(string? question)
    {
        if (_model is null || string.IsNullOrWhiteSpace(question))
        {
            return null;
        }

        // "Hi there, quick question - how do I cancel? No rush, thanks.": the courtesy around a question is not part of it.
        if (MatchText(question) is { } match)
        {
            return match;
        }

        var bare = Courtesy().Replace(question, " ").Trim();
        return bare.Length > 0 && bare.Length < question.Trim().Length ? MatchText(bare) : null;
    }

    private AnswerMatch? MatchText(string question)
    {
        if (_model is null)
        {
            return null;
        }

        Span<int> features = stackalloc int[TextFeaturizer.MaxFeatures];
        var count = _featurizer.Extract(question, features);
        Span<double> probabilities = stackalloc double[Answers.Count + 1];
        _model.Predict(features[..count], probabilities);
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            best = probabilities[i] > probabilities[best] ? i : best;
        }

        return best < Answers.Count && probabilities[best] >= Threshold ? new AnswerMatch(Answers[best], probabilities[best]) : null;
    }

    [GeneratedRegex(@"^\W*(?:(?:hi|hello|hey|good\s+(?:morning|afternoon|evening))(?:\s+there)?\b[\s,!.-]*)?(?:(?:a\s+)?quick\s+question\b[\s,:!.-]*)?|(?:[.!?,]\s*|\s+-\s*|^)(?:(?:no\s+rush|no\s+hurry|thanks?(?:\s+you)?(?:\s+(?:so\s+much|in\s+advance))?|many\s+thanks|cheers|thx|ta|much\s+appreciated)[\s,.!]*)+$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Courtesy();
}
