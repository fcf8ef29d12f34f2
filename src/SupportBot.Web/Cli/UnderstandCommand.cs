using System.Diagnostics;
using System.Globalization;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot understand</c>: how the message reader reads text, trained as the app trains it, from
/// <c>dialogs/catalog/examples.yaml</c> and the keywords of <c>categories.yaml</c>.
/// <list type="bullet">
/// <item><c>understand "text"</c>: category with its probability and the runner-up, kind, wants a person, feeling.</item>
/// <item><c>understand --tsv FILE</c>: <c>category TAB kind TAB wants_human TAB feeling</c> per row's <c>text</c>, in
/// order, nothing else on standard output.</item>
/// <item><c>understand --score FILE...</c>: accuracy, macro-F1 and the confusion table of each labeled column
/// (<c>category</c>, <c>kind</c>, <c>wants_human</c>, <c>feeling</c>; empty labels skipped). When a file's rows are
/// among the training examples, it is scored by stratified k-fold cross-validation, and says so.</item>
/// </list>
/// <c>--dir DIR</c> reads another <c>dialogs</c> folder.
/// </summary>
public static class UnderstandCommand
{
    private const string Usage = "usage: supportbot understand \"text\" | --tsv FILE | --score FILE... [--seed N] [--dir DIALOGS]";
    private static readonly string[] Fields = ["category", "kind", "wants_human", "feeling"];

    public static int Run(string root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stdout = output ?? Console.Out;
        var stderr = error ?? Console.Error;
        var dialogs = Option(args, "--dir") ?? Path.Combine(root, "dialogs");
        var catalogDirectory = Path.Combine(dialogs, "catalog");
        SentimentLexicon lexicon;
        try
        {
            lexicon = SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), Path.Combine(dialogs, "sentiment-lexicon.tsv"));
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException)
        {
            stderr.WriteLine($"supportbot understand: {ex.Message}");
            return 1;
        }

        // The catalog's keywords complement the examples; a catalog with mistakes is reported by 'prompts check'.
        var catalog = SupportCatalogLoader.Load(catalogDirectory).Catalog;
        var keywords = catalog?.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal) ?? [];
        var settings = new MessageReaderSettings { Keywords = keywords };
        var known = ExampleFileLoader.StandardCategories.Union(keywords.Keys).ToList();
        var (examples, errors) = ExampleFileLoader.Load(catalogDirectory, known);
        if (examples is null)
        {
            foreach (var problem in errors)
            {
                stderr.WriteLine(problem);
            }

            stderr.WriteLine($"{errors.Count} errors in dialogs/catalog/{ExampleFileLoader.FileName}.");
            return 1;
        }

        var score = Array.IndexOf(args, "--score");
        if (score >= 0)
        {
            var files = args[(score + 1)..].TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
            // --seed deals the cross-validation's folds another way: how much a figure moves with the folds alone.
            var seed = CrossValidation.DefaultSeed;
            if (files.Length == 0 || (Option(args, "--seed") is { } given && !int.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seed)))
            {
                return Fail(stderr, Usage, 2);
            }

            return Score(examples, settings, catalog, lexicon, files, seed, stdout, stderr);
        }

        var sentiment = new LocalSentimentAnalyzer(lexicon, FeelingModel.Default);

        var reader = LocalMessageReader.Train(examples, settings);
        if (Option(args, "--tsv") is { } tsv)
        {
            return PrintTsv(reader, sentiment, tsv, stdout, stderr);
        }

        var text = string.Join(' ', args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--dir")));
        if (text.Length == 0)
        {
            return Fail(stderr, Usage, 2);
        }

        var reading = reader.Read(text);
        stdout.WriteLine($"category     {reading.Category} {F(reading.Confidence)}{(reading.IsConfident ? string.Empty : $" (below {F(reading.ConfidenceThreshold)}: ask)")}");
        stdout.WriteLine($"runner-up    {reading.TopCategories[1].Category} {F(reading.TopCategories[1].Probability)}");
        stdout.WriteLine($"kind         {Name(reading.Kind)}");
        stdout.WriteLine($"wants_human  {(reading.WantsPerson ? "yes" : "no")}");
        stdout.WriteLine($"feeling      {Name(sentiment.Analyze(text).Feeling)}");
        return 0;
    }

    private static int PrintTsv(LocalMessageReader reader, LocalSentimentAnalyzer sentiment, string path, TextWriter output, TextWriter stderr)
    {
        if (ReadRows(path, out var rows, out var header) is { } error)
        {
            return Fail(stderr, error, 1);
        }

        var column = Array.IndexOf(header, "text");
        foreach (var row in rows)
        {
            var text = column < row.Length ? row[column] : string.Empty;
            var reading = reader.Read(text);
            output.Write($"{reading.Category}\t{Name(reading.Kind)}\t{(reading.WantsPerson ? "yes" : "no")}\t{Name(sentiment.Analyze(text).Feeling)}\n");
        }

        output.Flush();
        return 0;
    }

    private static int Score(ExampleSet examples, MessageReaderSettings settings, SupportCatalog? catalog, SentimentLexicon lexicon, string[] files, int seed, TextWriter stdout, TextWriter stderr)
    {
        foreach (var file in files)
        {
            if (ReadRows(file, out var rows, out var header) is { } error)
            {
                return Fail(stderr, error, 1);
            }

            var text = Array.IndexOf(header, "text");
            var columns = Fields.ToDictionary(f => f, f => Array.IndexOf(header, f));
            var messages = rows.Select(r => (Text: Cell(r, text), Category: (string?)Cell(r, columns["category"]))).ToList();
            var clock = Stopwatch.StartNew();
            var (readings, folds) = CrossValidation.Read(examples, messages, settings, seed: seed);
            var elapsed = clock.Elapsed;
            clock.Restart();
            var feelingColumn = columns["feeling"];
            var (bands, feelingFolds) = FeelingCrossValidation.Read(lexicon, FeelingModel.Default, FeelingExamples.From(examples), [.. rows.Select((r, i) => (messages[i].Text, (string?)Cell(r, feelingColumn)))], seed: seed);
            var feelings = bands.Select(Name).ToArray();
            var feelingElapsed = clock.Elapsed;
            var predicted = new Dictionary<string, string[]>
            {
                ["category"] = [.. readings.Select(r => r.Category)],
                ["kind"] = [.. readings.Select(r => Name(r.Kind))],
                ["wants_human"] = [.. readings.Select(r => r.WantsPerson ? "yes" : "no")],
                ["feeling"] = feelings,
            };

            stdout.WriteLine($"{Path.GetFileName(file)}: {rows.Count} rows");
            stdout.WriteLine(folds > 0
                ? $"Its rows are among the training examples, so it is scored by {folds}-fold cross-validation (stratified by category, seed {seed}): each row is read by a reader trained without its fold. Training and reading took {elapsed.TotalSeconds:0.00} s."
                : $"None of its rows is among the training examples: one reader trained on all {examples.Examples.Count} examples read it.");
            stdout.WriteLine(feelingFolds > 0
                ? $"Its feelings are among the feeling model's band examples, so they are scored by {feelingFolds}-fold cross-validation too (stratified by feeling): each row is read by bands learned without its fold ({feelingElapsed.TotalSeconds:0.00} s)."
                : "None of its rows is among the feeling model's band examples: the shipped model read it.");
            foreach (var field in Fields.Where(f => columns[f] >= 0))
            {
                var scored = Enumerable.Range(0, rows.Count).Where(i => Cell(rows[i], columns[field]).Length > 0).ToList();
                PrintField(stdout, field, [.. scored.Select(i => Cell(rows[i], columns[field]))], [.. scored.Select(i => predicted[field][i])]);
            }

            if (catalog is not null && columns["category"] >= 0)
            {
                PrintFiled(stdout, messages, readings, catalog);
            }

            if (feelingColumn >= 0)
            {
                PrintUpsetOrFurious(stdout, [.. rows.Select(r => Cell(r, feelingColumn))], feelings);
            }

            stdout.WriteLine();
        }

        return 0;
    }

    private static void PrintField(TextWriter stdout, string field, string[] gold, string[] predicted)
    {
        var labels = gold.Concat(predicted).Distinct().Order(StringComparer.Ordinal).ToList();
        var f1 = labels.ToDictionary(l => l, l => F1(l, gold, predicted));
        var accuracy = gold.Where((g, i) => g == predicted[i]).Count() / (double)Math.Max(gold.Length, 1);
        var yes = field == "wants_human" ? $"  F1(yes) {F(f1.GetValueOrDefault("yes"))}" : string.Empty;
        stdout.WriteLine();
        stdout.WriteLine($"{field}: {gold.Length} rows  accuracy {F(accuracy)}  macro-F1 {F(f1.Values.DefaultIfEmpty(0).Average())}{yes}");
        var width = Math.Max(labels.Max(l => l.Length), 13) + 2;
        stdout.WriteLine("  " + "gold\\predicted".PadRight(width) + string.Concat(labels.Select(l => Abbreviate(l).PadLeft(8))) + "      F1");
        foreach (var label in labels)
        {
            var counts = labels.Select(p => Enumerable.Range(0, gold.Length).Count(i => gold[i] == label && predicted[i] == p));
            stdout.WriteLine("  " + label.PadRight(width) + string.Concat(counts.Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(8))) + F(f1[label]).PadLeft(8));
        }
    }

    /// <summary>
    /// The category as the bot files a first message: the reader's reading decided with the catalog's keywords
    /// (<see cref="CategoryClassifier.Decide"/>), or asked when neither is sure. How many it files right, asks, files wrong.
    /// </summary>
    private static void PrintFiled(TextWriter stdout, List<(string Text, string? Category)> messages, MessageReading[] readings, SupportCatalog catalog)
    {
        var scored = Enumerable.Range(0, messages.Count).Where(i => !string.IsNullOrEmpty(messages[i].Category)).ToList();
        var filed = scored.Select(i => CategoryClassifier.Decide(messages[i].Text, readings[i], catalog)).ToList();
        var right = scored.Where((i, n) => filed[n] == messages[i].Category).Count();
        var asked = filed.Count(f => f is null);
        double Share(int count) => count / (double)Math.Max(scored.Count, 1);
        stdout.WriteLine($"category as the bot files it (the reader decided with the catalog's keywords; unsure, it asks): {scored.Count} rows  right {F(Share(right))}  asked {F(Share(asked))}  wrong {F(Share(scored.Count - right - asked))}");
    }

    /// <summary>Upset or furious against the rest: its F1, and how many upset or furious customers were read as calm or positive.</summary>
    private static void PrintUpsetOrFurious(TextWriter stdout, string[] gold, string[] predicted)
    {
        static bool Hot(string band) => band is "upset" or "furious";
        var scored = Enumerable.Range(0, gold.Length).Where(i => gold[i].Length > 0).ToList();
        var f1 = F1("yes", [.. scored.Select(i => Hot(gold[i]) ? "yes" : "no")], [.. scored.Select(i => Hot(predicted[i]) ? "yes" : "no")]);
        var hot = scored.Count(i => Hot(gold[i]));
        var missed = scored.Count(i => Hot(gold[i]) && predicted[i] is "calm" or "positive");
        stdout.WriteLine($"upset or furious vs the rest: F1 {F(f1)}; {missed} of {hot} upset or furious read as calm or positive ({F(missed / (double)Math.Max(hot, 1))})");
    }

    private static double F1(string label, string[] gold, string[] predicted)
    {
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Length; i++)
        {
            tp += gold[i] == label && predicted[i] == label ? 1 : 0;
            fp += gold[i] != label && predicted[i] == label ? 1 : 0;
            fn += gold[i] == label && predicted[i] != label ? 1 : 0;
        }

        return tp == 0 ? 0 : 2 * tp / ((2 * tp) + fp + fn);
    }

    private static string? ReadRows(string path, out List<string[]> rows, out string[] header)
    {
        rows = [];
        header = [];
        if (!File.Exists(path))
        {
            return $"supportbot understand: no file at {path}.";
        }

        using var reader = new StreamReader(path);
        header = reader.ReadLine()?.Split('\t') ?? [];
        if (!header.Contains("text"))
        {
            return $"supportbot understand: {path} has no 'text' column in its header row.";
        }

        while (reader.ReadLine() is { } line)
        {
            rows.Add(line.Split('\t'));
        }

        return null;
    }

    private static string Cell(string[] row, int index) => index >= 0 && index < row.Length ? row[index].Trim() : string.Empty;

    private static string Abbreviate(string label) => label.Length <= 7 ? label : label[..7];

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static int Fail(TextWriter stderr, string message, int code)
    {
        stderr.WriteLine(message);
        return code;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
