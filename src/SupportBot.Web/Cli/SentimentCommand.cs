using System.Diagnostics;
using System.Globalization;
using SupportBot.Core.Sentiment;
using SupportBot.Web.Sentiment;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot sentiment</c>: how the analyzer reads text.
/// <list type="bullet">
/// <item><c>sentiment "text"</c>: feeling band, signals, label, compound, intensity, emotions and targets, for admins tuning the lexicon.</item>
/// <item><c>sentiment --tsv FILE</c>: <c>label TAB compound</c> for each row's <c>text</c> column, nothing else on
/// standard output, so any scorer can read it.</item>
/// <item><c>sentiment --score FILE...</c>: accuracy, macro-F1, negative-class F1 and the share of negative rows read
/// as positive against each file's <c>label</c> column, and messages per second; and, when a file has a
/// <c>support_emotions</c> column, each support emotion's F1 and their macro-F1.</item>
/// <item><c>sentiment train --goemotions FILE</c>: makes the feeling model (<see cref="SentimentTrainCommand"/>).</item>
/// </list>
/// <c>--provider Local</c> is the default and the only provider in this build.
/// </summary>
public static class SentimentCommand
{
    private static readonly string[] Classes = ["negative", "neutral", "positive"];

    public static async Task<int> RunAsync(string root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var provider = Option(args, "--provider") ?? nameof(SentimentProvider.Local);
        if (!Enum.GetNames<SentimentProvider>().Contains(provider, StringComparer.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"supportbot sentiment: unknown provider '{provider}'; use Local or AzureLanguage.");
            return 2;
        }

        LocalSentimentAnalyzer local;
        try
        {
            local = LocalSentimentAnalyzer.Load(Path.Combine(root, "dialogs", "sentiment-lexicon.tsv"));
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException)
        {
            Console.Error.WriteLine($"supportbot sentiment: {ex.Message}");
            return 1;
        }

        ISentimentAnalyzer analyzer = local;
        if (Enum.Parse<SentimentProvider>(provider, ignoreCase: true) == SentimentProvider.AzureLanguage)
        {
            // The Sentiment section of appsettings.json, the environment (Sentiment__Key) or --Sentiment:Endpoint=… arguments.
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true).AddEnvironmentVariables()
                .AddCommandLine([.. args.Where(a => a.StartsWith("--Sentiment:", StringComparison.Ordinal))]).Build();
            var options = configuration.GetSection(SentimentOptions.Section).Get<SentimentOptions>() ?? new SentimentOptions();
            if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out _))
            {
                Console.Error.WriteLine("supportbot sentiment: set Sentiment:Endpoint (and Sentiment:Key, or sign in for Entra ID) to use AzureLanguage.");
                return 2;
            }

            analyzer = new AzureLanguageAnalyzer(options, local, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<AzureLanguageAnalyzer>.Instance);
        }

        if (Option(args, "--tsv") is { } tsv)
        {
            return await PrintTsvAsync(analyzer, tsv).ConfigureAwait(false);
        }

        var score = Array.IndexOf(args, "--score");
        if (score >= 0)
        {
            return Score(local, args[(score + 1)..].Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        }

        var text = string.Join(' ', args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a != provider));
        if (text.Length == 0)
        {
            Console.Error.WriteLine("usage: supportbot sentiment \"text\" | --tsv FILE [--provider Local|AzureLanguage] | --score FILE...");
            return 2;
        }

        var result = await analyzer.AnalyzeAsync(text, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"feeling    {result.Feeling.ToString().ToLowerInvariant()}");
        Console.WriteLine($"signals    {(result.Signals == FeelingSignal.None ? "-" : result.Signals.ToString().ToLowerInvariant())}");
        Console.WriteLine($"label      {result.Label.ToString().ToLowerInvariant()}");
        Console.WriteLine($"compound   {result.Compound.ToString("0.0000", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"intensity  {result.Intensity.ToString("0.00", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"scores     positive {F(result.Scores.Positive)}, neutral {F(result.Scores.Neutral)}, negative {F(result.Scores.Negative)}");
        Console.WriteLine($"emotions   {(result.Emotions.Count == 0 ? "-" : string.Join(", ", result.Emotions.Select(e => $"{e.Emotion.ToString().ToLowerInvariant()} {F(e.Strength)}")))}");
        Console.WriteLine($"targets    {(result.Targets.Count == 0 ? "-" : string.Join(", ", result.Targets.Select(t => t.Text)))}");
        Console.WriteLine($"source     {result.Source}");
        return 0;
    }

    private static async Task<int> PrintTsvAsync(ISentimentAnalyzer analyzer, string path)
    {
        if (ReadRows(path, out var rows, out var header) is { } error)
        {
            Console.Error.WriteLine(error);
            return 1;
        }

        var column = Array.IndexOf(header, "text");
        using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };

        // Ten rows in flight at once, so a remote analyzer can batch them; the output keeps the file's order.
        foreach (var chunk in rows.Chunk(10))
        {
            var results = await Task.WhenAll(chunk.Select(row => analyzer.AnalyzeAsync(column < row.Length ? row[column] : string.Empty, CancellationToken.None).AsTask())).ConfigureAwait(false);
            foreach (var result in results)
            {
                await output.WriteLineAsync($"{Label(result.Compound)}\t{result.Compound.ToString("0.0000", CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            }
        }

        return 0;
    }

    private static int Score(LocalSentimentAnalyzer analyzer, string[] files)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("usage: supportbot sentiment --score FILE...");
            return 2;
        }

        Console.WriteLine("file\trows\taccuracy\tmacro-F1\tnegative-F1\tnegative read positive\tmessages/s");
        var emotionLines = new List<string>();
        foreach (var file in files)
        {
            if (ReadRows(file, out var rows, out var header) is { } error)
            {
                Console.Error.WriteLine(error);
                return 1;
            }

            var text = Array.IndexOf(header, "text");
            var gold = Array.IndexOf(header, "label");
            var scored = rows.Where(r => gold < r.Length && Classes.Contains(r[gold])).ToList();
            var predicted = new string[scored.Count];
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < scored.Count; i++)
            {
                predicted[i] = Label(analyzer.Analyze(scored[i][text]).Compound);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var negatives = scored.Count(r => r[gold] == "negative");
            var negativeReadPositive = scored.Where((r, i) => r[gold] == "negative" && predicted[i] == "positive").Count() / (double)Math.Max(negatives, 1);
            if (Array.IndexOf(header, "support_emotions") is var emotions and >= 0)
            {
                emotionLines.Add(EmotionScores(analyzer, Path.GetFileName(file), rows, text, emotions));
            }

            var present = Classes.Where(c => scored.Any(r => r[gold] == c)).ToList();
            var f1 = present.ToDictionary(c => c, c => F1(c, [.. scored.Select(r => r[gold])], predicted));
            var accuracy = scored.Where((r, i) => r[gold] == predicted[i]).Count() / (double)Math.Max(scored.Count, 1);
            Console.WriteLine($"{Path.GetFileName(file)}\t{scored.Count}\t{F(accuracy)}\t{F(f1.Values.Average())}\t{F(f1.GetValueOrDefault("negative"))}\t{(negatives == 0 ? "-" : F(negativeReadPositive))}\t{(scored.Count / seconds).ToString("N0", CultureInfo.InvariantCulture)}");
        }

        foreach (var line in emotionLines)
        {
            Console.WriteLine(line);
        }

        return 0;
    }

    /// <summary>Each support emotion's F1 against the <c>support_emotions</c> column (all rows, mixed and ambiguous too), and their macro-F1.</summary>
    private static string EmotionScores(LocalSentimentAnalyzer analyzer, string file, List<string[]> rows, int text, int column)
    {
        Emotion[] support = [Emotion.Anger, Emotion.Frustration, Emotion.Sadness, Emotion.Anxiety, Emotion.Disappointment];
        var gold = rows.Select(r => (column < r.Length ? r[column] : string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var found = rows.Select(r => analyzer.Analyze(r[text]).Emotions.Select(e => e.Emotion).ToHashSet()).ToList();
        var f1 = support.Select(emotion =>
        {
            var name = emotion.ToString().ToLowerInvariant();
            return F1("yes", [.. gold.Select(g => g.Contains(name) ? "yes" : "no")], [.. found.Select(f => f.Contains(emotion) ? "yes" : "no")]);
        }).ToList();
        return $"{file}: support emotions on {rows.Count} rows, macro-F1 {F(f1.Average())} ({string.Join(", ", support.Select((e, i) => $"{e.ToString().ToLowerInvariant()} {F(f1[i])}"))})";
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
            return $"supportbot sentiment: no file at {path}.";
        }

        using var reader = new StreamReader(path);
        header = reader.ReadLine()?.Split('\t') ?? [];
        if (!header.Contains("text"))
        {
            return $"supportbot sentiment: {path} has no 'text' column in its header row.";
        }

        while (reader.ReadLine() is { } line)
        {
            rows.Add(line.Split('\t'));
        }

        return null;
    }

    private static string Label(double compound) => compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
