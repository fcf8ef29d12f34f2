namespace SupportBot.Core.Understanding;

/// <summary>
/// Reads labeled messages honestly when they are among the training examples: stratified k-fold
/// cross-validation, where each message is read by a reader trained without the messages of its fold.
/// </summary>
public static class CrossValidation
{
    /// <summary>The number of folds <c>supportbot understand --score</c> uses.</summary>
    public const int DefaultFolds = 10;

    /// <summary>The seed that deals messages into folds.</summary>
    public const int DefaultSeed = 17;

    /// <summary>
    /// Reads each of <paramref name="messages"/>. When none is among <paramref name="training"/>'s examples, one
    /// reader trained on everything reads them all and <c>Folds</c> is 0. Otherwise the messages are dealt into
    /// <paramref name="folds"/> folds, stratified by their category, and each fold is read by a reader trained on
    /// the examples minus that fold's messages (matched by their normalized text).
    /// </summary>
    public static (MessageReading[] Readings, int Folds) Read(ExampleSet training, IReadOnlyList<(string Text, string? Category)> messages, MessageReaderSettings settings, int folds = DefaultFolds, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(messages);
        var keys = messages.Select(m => TextFeaturizer.Normalize(m.Text)).ToArray();
        var trained = training.Examples.Select(e => TextFeaturizer.Normalize(e.Text)).ToHashSet(StringComparer.Ordinal);
        var readings = new MessageReading[messages.Count];
        if (!keys.Any(trained.Contains))
        {
            var reader = LocalMessageReader.Train(training, settings);
            for (var i = 0; i < messages.Count; i++)
            {
                readings[i] = reader.Read(messages[i].Text);
            }

            return (readings, 0);
        }

        var fold = Deal([.. messages.Select(m => m.Category)], folds, seed);
        for (var f = 0; f < folds; f++)
        {
            var held = Enumerable.Range(0, messages.Count).Where(i => fold[i] == f).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var heldKeys = held.Select(i => keys[i]).ToHashSet(StringComparer.Ordinal);
            var reader = LocalMessageReader.Train(training.Without(e => heldKeys.Contains(TextFeaturizer.Normalize(e.Text))), settings);
            foreach (var i in held)
            {
                readings[i] = reader.Read(messages[i].Text);
            }
        }

        return (readings, folds);
    }

    /// <summary>
    /// The fold of each message, stratified by <paramref name="labels"/>: within each label, a seeded shuffle, then
    /// round-robin across the folds, continuing from one label to the next so every fold gets its share of the rare ones.
    /// </summary>
    public static int[] Deal(IReadOnlyList<string?> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i] ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            for (var i = members.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }

            foreach (var member in members)
            {
                fold[member] = next++ % folds;
            }
        }

        return fold;
    }
}
