using BenchmarkDotNet.Attributes;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Benchmarks;

/// <summary>
/// The message reader: training from the repository's examples, and reading short customer messages one at a time
/// on one thread. Run: <c>dotnet run -c Release --project bench/SupportBot.Benchmarks -- --filter '*MessageReaderBenchmarks*'</c>;
/// messages per second = <see cref="SentimentBenchmarks.Messages"/>.Length / mean of <see cref="ReadShortMessages"/>.
/// </summary>
[MemoryDiagnoser]
public class MessageReaderBenchmarks
{
    private ExampleSet _examples = null!;
    private MessageReaderSettings _settings = null!;
    private LocalMessageReader _reader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "dialogs")))
            {
                root = dir.FullName;
                break;
            }
        }

        var catalog = Path.Combine(root, "dialogs", "catalog");
        var keywords = SupportCatalogLoader.Load(catalog).Catalog?.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal) ?? [];
        _examples = ExampleFileLoader.Load(catalog, ExampleFileLoader.StandardCategories.Union(keywords.Keys).ToList()).Examples
            ?? throw new InvalidOperationException("dialogs/catalog/examples.yaml is not valid");
        _settings = new MessageReaderSettings { Keywords = keywords };
        _reader = LocalMessageReader.Train(_examples, _settings);
    }

    /// <summary>The sentiment benchmark's sixteen messages, read one after the other.</summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public int ReadShortMessages()
    {
        var sum = 0;
        foreach (var message in SentimentBenchmarks.Messages)
        {
            sum += _reader.Read(message).Category.Length;
        }

        return sum;
    }

    /// <summary>One training from the examples, as at start-up and on each reload.</summary>
    [Benchmark]
    public int Train() => LocalMessageReader.Train(_examples, _settings).ExampleCount;
}
