using BenchmarkDotNet.Attributes;
using SupportBot.Core.Sentiment;

namespace SupportBot.Benchmarks;

/// <summary>
/// The local analyzer on short customer messages, one at a time on one thread.
/// Run: <c>dotnet run -c Release --project bench/SupportBot.Benchmarks -- --filter '*SentimentBenchmarks*'</c>;
/// messages per second = <see cref="Messages"/>.Length / mean.
/// </summary>
[MemoryDiagnoser]
public class SentimentBenchmarks
{
    /// <summary>Sixteen short messages of the kind customers write.</summary>
    public static readonly string[] Messages =
    [
        "my refund STILL hasn't arrived, three weeks!!",
        "Thanks, that fixed it",
        "the parcel never arrived and nobody answers my emails",
        "this is the third time I'm asking",
        "I am furious, the package was lost",
        "order 48213",
        "still waiting, thanks a lot",
        "the screen is cracked :(",
        "no one called back 😡",
        "I'm not happy with the service",
        "great, another delay",
        "can I speak to a manager?",
        "I was charged twice for my last order",
        "the technician didn't show up, this is ridiculous",
        "yes please",
        "I'm worried, I need it by Friday",
    ];

    private LocalSentimentAnalyzer _analyzer = null!;

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

        _analyzer = LocalSentimentAnalyzer.Load(Path.Combine(root, "dialogs", "sentiment-lexicon.tsv"));
    }

    /// <summary>All sixteen messages, analyzed one after the other.</summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public double AnalyzeShortMessages()
    {
        double sum = 0;
        foreach (var message in Messages)
        {
            sum += _analyzer.Analyze(message).Compound;
        }

        return sum;
    }
}
