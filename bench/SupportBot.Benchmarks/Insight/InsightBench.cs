using System.Globalization;
using SupportBot.Core.Activities;
using SupportBot.Core.Insight;
using SupportBot.Core.State;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Benchmarks.Insight;

/// <summary>
/// Seeds N conversations' facts (100,000 by default) through the turn store, as turns write them, into a fresh SQLite
/// file and, given <c>--postgres CONNECTION</c>, a fresh PostgreSQL schema; then times every query the dashboard and
/// the review run, over the whole 90 days seeded and over the last 7, each the median of several runs after a warm-up.
/// <code>dotnet run -c Release --project bench/SupportBot.Benchmarks -- insight [--conversations N] [--postgres CONNECTION]</code>
/// </summary>
public static class InsightBench
{
    private const int Runs = 7;
    private static readonly DateTimeOffset End = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Channels = ["webchat", "webchat", "msteams", "directline", "emulator"];
    private static readonly string[] Categories = ["delivery", "damaged", "billing", "account", "app", "service", "cancel", "question", "other"];
    private static readonly string[] Bands = ["calm", "calm", "mild", "mild", "upset", "furious", "positive"];
    private static readonly string[] Reasons = ["RemedyNeedsApproval", "CustomerAsked", "FrustrationRising", "NotUnderstood", "NotResolved"];
    private static readonly string[] Steps = ["Greeting: ensure name", "Complaint: hear", "Clarify: ask", "Layers: ask", "Remedy: offer", "Remedy: ask amount", "Close: confirm", "Close: ask rating"];
    private static readonly string[] Prompts = ["greeting.welcome", "empathy.upset.frustration", "empathy.mild.anger", "questions.order_number", "questions.when", "questions.tried", "layers.ask", "remedies.offer", "remedies.retry", "closing.confirm_resolved", "closing.rating", "closing.thanks"];
    private static readonly string[] Followed = [Outcomes.Answered, Outcomes.Answered, Outcomes.Answered, Outcomes.Retried, Outcomes.Person, Outcomes.Left];

    public static async Task<int> RunAsync(ReadOnlyMemory<string> args)
    {
        var conversations = 100_000;
        string? postgres = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args.Span[i])
            {
                case "--conversations":
                    conversations = int.Parse(args.Span[++i], CultureInfo.InvariantCulture);
                    break;
                case "--postgres":
                    postgres = args.Span[++i];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args.Span[i]}. Usage: insight [--conversations N] [--postgres CONNECTION]");
                    return 2;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "supportbot-insight-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var sqlite = new SqliteDatabase(Path.Combine(folder, "insight.db")))
            {
                await MeasureAsync("SQLite", TurnStore.InSqlite(sqlite), InsightStore.InSqlite(sqlite), conversations).ConfigureAwait(false);
            }

            if (postgres is not null)
            {
                var schema = $"insight_bench_{Guid.NewGuid():N}";
                await using var database = await PostgresSchema.CreateAsync(postgres, schema).ConfigureAwait(false);
                try
                {
                    await MeasureAsync("PostgreSQL", TurnStore.InPostgres(database.Database), InsightStore.InPostgres(database.Database), conversations).ConfigureAwait(false);
                }
                finally
                {
                    await database.DropAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, TurnStore turns, InsightStore insight, int conversations)
    {
        var seeding = Stopwatch.StartNew();
        await SeedAsync(turns, conversations).ConfigureAwait(false);
        Console.WriteLine($"{name}: seeded {conversations:N0} conversations in {seeding.Elapsed.TotalSeconds:F1} s");
        var charts = new DashboardCharts(insight);
        var search = new ConversationSearch(insight);
        var all = new InsightFilter(End.AddDays(-90), End);
        var week = new InsightFilter(End.AddDays(-7), End);
        var queries = new List<(string Name, Func<InsightFilter, Task> Run)>
        {
            ("summary", f => charts.SummaryAsync(f, CancellationToken.None)),
        };
        queries.AddRange(DashboardCharts.Ids.Select(id => ($"chart {id}", (Func<InsightFilter, Task>)(f => charts.ChartAsync(id, f, CancellationToken.None)))));
        queries.Add(("prompt variants", f => charts.PromptsAsync(f, CancellationToken.None)));
        queries.Add(("chart categories, one channel", f => charts.ChartAsync("categories", f with { Channel = "msteams" }, CancellationToken.None)));
        queries.Add(("prompt variants, one category", f => charts.PromptsAsync(f with { Category = "billing" }, CancellationToken.None)));
        queries.Add(("review: a bar's conversations", f => search.FindAsync(new ReviewQuery(f) { Outcome = Outcomes.Handoff, Reason = "CustomerAsked" }, CancellationToken.None)));
        queries.Add(("review: text search", f => search.FindAsync(new ReviewQuery(f) { Text = "order 4471" }, CancellationToken.None)));
        queries.Add(("review: count", f => search.CountAsync(new ReviewQuery(f) { Feeling = "furious" }, CancellationToken.None)));

        Console.WriteLine($"| {name} query | 90 days, median | 90 days, max | last 7 days, median |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (query, run) in queries)
        {
            var (median, max) = await TimeAsync(() => run(all)).ConfigureAwait(false);
            var (weekMedian, _) = await TimeAsync(() => run(week)).ConfigureAwait(false);
            Console.WriteLine($"| {query} | {median:F1} ms | {max:F1} ms | {weekMedian:F1} ms |");
        }
    }

    private static async Task<(double Median, double Max)> TimeAsync(Func<Task> run)
    {
        await run().ConfigureAwait(false);
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run().ConfigureAwait(false);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[Runs / 2], times[^1]);
    }

    /// <summary>Each conversation as two turns would record it: the first shows prompts, the last says what followed them and closes it.</summary>
    private static async Task SeedAsync(TurnStore turns, int conversations)
    {
        const int Parallel = 32;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < conversations; i = Interlocked.Increment(ref next))
            {
                var random = new Random(i);
                var (first, last) = Facts(i, random);
                await turns.CommitAsync(Write(first), CancellationToken.None).ConfigureAwait(false);
                await turns.CommitAsync(Write(last), CancellationToken.None).ConfigureAwait(false);
            }
        }))).ConfigureAwait(false);
    }

    private static TurnWrite Write(TurnFacts facts) =>
        new(new Dictionary<string, StoreItem>(), facts.Conversation.ChannelId, facts.Conversation.ConversationId, [Activity.CreateMessage(facts.CustomerTurn?.Text ?? "hi")], []) { Facts = facts };

    private static (TurnFacts First, TurnFacts Last) Facts(int i, Random random)
    {
        var id = $"bench-{i:x8}";
        var started = End.AddMinutes(-random.Next(90 * 24 * 60));
        var outcome = random.Next(100);
        var handoff = outcome < 30 ? Reasons[random.Next(Reasons.Length)] : null;
        var resolved = outcome >= 45;
        var firstBand = Bands[random.Next(Bands.Length)];
        var lastBand = Bands[random.Next(Bands.Length)];
        var facts = new ConversationFacts
        {
            Id = id,
            ChannelId = Channels[random.Next(Channels.Length)],
            ConversationId = id,
            CaseId = "case-" + id,
            Started = started,
            LastAt = started.AddMinutes(random.Next(2, 30)),
            Category = random.Next(20) == 0 ? null : Categories[random.Next(Categories.Length)],
            FirstFeeling = firstBand,
            FirstHeat = Heat(firstBand),
            LastFeeling = lastBand,
            LastHeat = Heat(lastBand),
            HandoffReason = handoff,
            Resolved = resolved,
            TimeToAgent = handoff is not null && random.Next(3) > 0 ? TimeSpan.FromSeconds(random.Next(5, 5400)) : null,
            Rating = resolved && random.Next(2) == 0 ? random.Next(1, 6) : null,
            LastStep = Steps[random.Next(Steps.Length)],
            CustomerTurns = random.Next(2, 9),
        };
        var shown = Enumerable.Range(0, 8).Select(n => new ShownPrompt($"{id}:{n}", id, facts.ChannelId, Prompts[random.Next(Prompts.Length)], $"v{random.Next(1, 4)}", started.AddSeconds(n * 20), random.Next(4))).ToList();
        var remedies = random.Next(2) == 0
            ? [new RemedyFact($"{id}:r0", id, facts.ChannelId, facts.Category, "refund", "a full refund", Math.Round((decimal)(random.NextDouble() * 200), 2), random.Next(5) == 0 ? "GBP" : "USD", handoff is not null, started.AddMinutes(1))]
            : new List<RemedyFact>();
        var firstTurn = new CustomerTurnFact(id, $"{id}-a1", started, firstBand, $"my parcel never arrived, order {random.Next(1000, 9999)}-{random.Next(1000, 9999)}, it's been {random.Next(2, 20)} days");
        var lastTurn = new CustomerTurnFact(id, $"{id}-a2", facts.LastAt, lastBand, "thanks");
        return (
            new TurnFacts(facts with { LastAt = started, Resolved = false, Rating = null, HandoffReason = null, TimeToAgent = null }, shown, [], [], firstTurn),
            new TurnFacts(facts, [], [.. shown.Select(p => new PromptFollowed(p, Followed[random.Next(Followed.Length)], random.Next(-2, 2)))], remedies, lastTurn));
    }

    private static int Heat(string band) => band switch
    {
        "mild" => 1,
        "upset" => 2,
        "furious" => 3,
        _ => 0,
    };
}
