using SupportBot.Core.Understanding;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// Reads labeled messages' feelings honestly when they are among the examples the bands learn from: stratified
/// k-fold cross-validation, where each message is read by a model whose bands learned without its fold (the polarity
/// and emotions, learned from other data, stay as they are).
/// </summary>
public static class FeelingCrossValidation
{
    /// <summary>
    /// The band of each of <paramref name="messages"/>. When none is among <paramref name="training"/>, the model as it
    /// is reads them all and <c>Folds</c> is 0; otherwise they are dealt into folds stratified by their feeling label.
    /// </summary>
    public static (Feeling[] Readings, int Folds) Read(SentimentLexicon lexicon, FeelingModel model, IReadOnlyList<(string Text, Feeling Feeling)> training, IReadOnlyList<(string Text, string? Feeling)> messages, int folds = CrossValidation.DefaultFolds, int seed = CrossValidation.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(messages);
        var keys = messages.Select(m => TextFeaturizer.Normalize(m.Text)).ToArray();
        var trained = training.Select(e => TextFeaturizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var readings = new Feeling[messages.Count];
        if (!keys.Any(trained.Contains))
        {
            var analyzer = new LocalSentimentAnalyzer(lexicon, model);
            for (var i = 0; i < messages.Count; i++)
            {
                readings[i] = analyzer.Analyze(messages[i].Text).Feeling;
            }

            return (readings, 0);
        }

        var fold = CrossValidation.Deal([.. messages.Select(m => m.Feeling)], folds, seed);
        for (var f = 0; f < folds; f++)
        {
            var held = Enumerable.Range(0, messages.Count).Where(i => fold[i] == f).ToList();
            var heldKeys = held.Select(i => keys[i]).ToHashSet(StringComparer.Ordinal);
            var analyzer = new LocalSentimentAnalyzer(lexicon, model.WithBands(lexicon, [.. training.Where(e => !heldKeys.Contains(TextFeaturizer.Normalize(e.Text)))]));
            foreach (var i in held)
            {
                readings[i] = analyzer.Analyze(messages[i].Text).Feeling;
            }
        }

        return (readings, folds);
    }
}
