using System.Diagnostics;
using System.Security.Cryptography;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot sentiment train --goemotions FILE [--out FILE]</c>: makes the feeling model that ships in the
/// assembly. Its polarity and emotions learn from GoEmotions' training comments (the <c>text</c>, <c>label</c>,
/// <c>emotions</c> and <c>support_emotions</c> columns); its bands from the catalog's examples labeled with a
/// <c>feeling</c>. One thread, fixed seeds: the same files give the same bytes.
/// </summary>
public static class SentimentTrainCommand
{
    /// <summary>Where the model is kept in the repository; the build embeds it.</summary>
    public const string ModelPath = "src/SupportBot.Core/Sentiment/feeling-model.bin";

    private const string Usage = "usage: supportbot sentiment train --goemotions FILE [--out FILE]";

    public static int Run(string root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stdout = output ?? Console.Out;
        var stderr = error ?? Console.Error;
        if (Option(args, "--goemotions") is not { } goemotions)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var dialogs = Path.Combine(root, "dialogs");
        var target = Option(args, "--out") ?? Path.Combine(root, ModelPath);
        if (!File.Exists(goemotions))
        {
            stderr.WriteLine($"supportbot sentiment train: no file at {goemotions}.");
            return 1;
        }

        SentimentLexicon lexicon;
        try
        {
            lexicon = SentimentLexicon.Load(Path.Combine(AppContext.BaseDirectory, "sentiment", "vader_lexicon.txt"), Path.Combine(dialogs, "sentiment-lexicon.tsv"));
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException)
        {
            stderr.WriteLine($"supportbot sentiment train: {ex.Message}");
            return 1;
        }

        if (Examples(Path.Combine(dialogs, "catalog"), stderr) is not { } examples)
        {
            return 1;
        }

        var clock = Stopwatch.StartNew();
        var reddit = ReadGoEmotions(goemotions);
        var feelings = FeelingExamples.From(examples);
        var model = FeelingModel.Train(lexicon, reddit, feelings);
        using (var file = File.Create(target))
        {
            model.Write(file);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target)));
        stdout.WriteLine($"Trained on {reddit.Count} comments from {Path.GetFileName(goemotions)} and {feelings.Count} messages labeled with a feeling in {clock.Elapsed.TotalSeconds:0.0} s.");
        stdout.WriteLine($"Wrote {target} ({new FileInfo(target).Length / 1024.0:0} KiB, SHA-256 {hash}).");
        return 0;
    }

    /// <summary>The catalog's examples, as the app loads them; null (reported) when they have mistakes.</summary>
    internal static ExampleSet? Examples(string catalogDirectory, TextWriter stderr)
    {
        var (catalog, _) = SupportCatalogLoader.Load(catalogDirectory);
        var known = ExampleFileLoader.StandardCategories.Union(catalog?.Categories.Select(c => c.Id) ?? []).ToList();
        var (examples, errors) = ExampleFileLoader.Load(catalogDirectory, known);
        foreach (var problem in errors)
        {
            stderr.WriteLine(problem);
        }

        return examples;
    }

    /// <summary>
    /// GoEmotions' rows: the polarity from <c>label</c> (none for mixed or ambiguous rows), the emotions from
    /// <c>support_emotions</c>, and confusion and gratitude from <c>emotions</c>.
    /// </summary>
    internal static List<EmotionExample> ReadGoEmotions(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? [];
        int text = Array.IndexOf(header, "text"), label = Array.IndexOf(header, "label"), emotions = Array.IndexOf(header, "emotions"), support = Array.IndexOf(header, "support_emotions");
        var rows = new List<EmotionExample>();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split('\t');
            string Cell(int i) => i >= 0 && i < cells.Length ? cells[i] : string.Empty;
            var found = Cell(support).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => Enum.TryParse<Emotion>(e, ignoreCase: true, out var emotion) ? emotion : (Emotion?)null)
                .OfType<Emotion>().ToList();
            var raters = Cell(emotions).Split(',', StringSplitOptions.TrimEntries);
            if (raters.Contains("confusion"))
            {
                found.Add(Emotion.Confusion);
            }

            if (raters.Contains("gratitude"))
            {
                found.Add(Emotion.Gratitude);
            }

            SentimentLabel? polarity = Cell(label) switch
            {
                "negative" => SentimentLabel.Negative,
                "neutral" => SentimentLabel.Neutral,
                "positive" => SentimentLabel.Positive,
                _ => null,
            };
            rows.Add(new EmotionExample(Cell(text), polarity, found));
        }

        return rows;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
