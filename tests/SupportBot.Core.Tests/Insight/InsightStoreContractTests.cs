using SupportBot.Core.Activities;
using SupportBot.Core.Insight;
using SupportBot.Core.State;
using SupportBot.Core.Tests.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.Insight;

/// <summary>
/// The dashboard's facts for memory, SQLite and PostgreSQL: they land with the turn's state and transcript or not at
/// all, a later turn rewrites the conversation and says what followed a prompt, and every chart, the prompt figures
/// and the review's search count them the same way (one SQL for both databases).
/// </summary>
public abstract class InsightStoreContractTests
{
    private static readonly DateTimeOffset Day = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly InsightFilter March = new(Day, Day.AddDays(7));

    protected abstract (TurnStore Turns, IStorage Storage, InsightStore Insight) Create();

    [Fact]
    public async Task TurnStore_CommitWithFacts_WritesThemWithTheTurn()
    {
        var (turns, _, insight) = Create();
        var id = Guid.NewGuid().ToString("N");

        await turns.CommitAsync(Write(id, null, Facts(id, Day.AddHours(1)) with { CustomerTurns = 1 }, "refund please", ("greeting.welcome", "welcome-1")), CancellationToken.None);

        var review = await new ConversationSearch(insight).GetAsync(id, CancellationToken.None);
        Assert.Equal((id, "webtest", "delivery", "upset", 1), (review!.Facts.Id, review.Facts.ChannelId, review.Facts.Category, review.Facts.FirstFeeling, review.Facts.CustomerTurns));
        Assert.Equal("refund please", Assert.Single(review.Turns).Text);
        Assert.Equal(1, Assert.Single(await new DashboardCharts(insight).PromptsAsync(March, CancellationToken.None)).Left);
    }

    [Fact]
    public async Task TurnStore_ManyTurnsAtOnce_ShowingAndFollowingTheSamePromptsInOppositeOrders_AllCommitAndAllAreCounted()
    {
        // Half the customers were shown the offer and now see the question; the other half the other way round. Each
        // turn counts both prompts' figures of the day, the same two rows, in the order its customer met them.
        var (turns, _, insight) = Create();
        var offer = ("remedies.offer", "offer-1");
        var question = ("questions.what_happens", "what-1");
        var customers = Enumerable.Range(0, 24).Select(i => (Id: Guid.NewGuid().ToString("N"), First: i % 2 == 0 ? offer : question, Then: i % 2 == 0 ? question : offer)).ToList();
        var etags = new Dictionary<string, string>();
        foreach (var c in customers)
        {
            etags[c.Id] = (await turns.CommitAsync(Write(c.Id, null, Facts(c.Id, Day.AddHours(1)), "hi", c.First), CancellationToken.None))[$"webtest/{c.Id}"];
        }

        await Task.WhenAll(customers.Select(c => Task.Run(() =>
        {
            var facts = Facts(c.Id, Day.AddHours(1));
            var write = Write(c.Id, etags[c.Id], facts, "it never came", c.Then);
            var shown = new ShownPrompt($"{c.Id}:0", c.Id, facts.ChannelId, c.First.Item1, c.First.Item2, facts.Started, 2);
            return turns.CommitAsync(write with { Facts = write.Facts! with { Shown = [.. write.Facts.Shown.Select(p => p with { Id = p.Id + "b" })], Followed = [new PromptFollowed(shown, Outcomes.Answered, -1)] } }, CancellationToken.None);
        })));

        var figures = await new DashboardCharts(insight).PromptsAsync(March, CancellationToken.None);
        Assert.Equal(2, figures.Count);
        Assert.All(figures, f => Assert.Equal((24L, 12L, 12L), (f.Shown, f.Answered, f.Left)));
    }

    [Fact]
    public async Task TurnStore_FollowingAPromptAlreadyCounted_UpdatesItsFigures_AndTheLatestTurnDescribesTheConversation()
    {
        // In SQLite the first turn's facts are written by the query below; the second follows a prompt already in the
        // tables, the third rewrites the conversation written with the second.
        var (turns, _, insight) = Create();
        var charts = new DashboardCharts(insight);
        var id = Guid.NewGuid().ToString("N");
        var facts = Facts(id, Day.AddHours(1));
        var etag = (await turns.CommitAsync(Write(id, null, facts with { CustomerTurns = 1 }, "my lamp is broken", ("remedies.offer", "offer-1")), CancellationToken.None))[$"webtest/{id}"];
        Assert.Equal(1, Assert.Single(await charts.PromptsAsync(March, CancellationToken.None)).Left);

        var second = Write(id, etag, facts with { CustomerTurns = 2 }, "the refund please");
        var shown = new ShownPrompt($"{id}:0", id, facts.ChannelId, "remedies.offer", "offer-1", facts.Started, 2);
        etag = (await turns.CommitAsync(second with { Facts = second.Facts! with { Followed = [new PromptFollowed(shown, Outcomes.Answered, -1)] } }, CancellationToken.None))[$"webtest/{id}"];
        await turns.CommitAsync(Write(id, etag, facts with { CustomerTurns = 3, Resolved = true, Rating = 4 }, "thanks"), CancellationToken.None);

        var figures = Assert.Single(await charts.PromptsAsync(March, CancellationToken.None));
        Assert.Equal((1L, 1L, 0L), (figures.Shown, figures.Answered, figures.Left));
        var review = await new ConversationSearch(insight).GetAsync(id, CancellationToken.None);
        Assert.Equal((3, true, 4), (review!.Facts.CustomerTurns, review.Facts.Resolved, review.Facts.Rating));
        Assert.Equal(["my lamp is broken", "the refund please", "thanks"], review.Turns.Select(t => t.Text));
    }

    [Fact]
    public async Task TurnStore_StaleETag_WritesNoFacts()
    {
        var (turns, storage, insight) = Create();
        var id = Guid.NewGuid().ToString("N");
        var first = await turns.CommitAsync(Write(id, null, null, "hi"), CancellationToken.None);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [$"webtest/{id}"] = new("{\"step\":2}", first[$"webtest/{id}"]) }, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => turns.CommitAsync(Write(id, first[$"webtest/{id}"], Facts(id, Day), "refund please"), CancellationToken.None));

        Assert.Null(await new ConversationSearch(insight).GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Charts_CountWhatTurnsRecorded()
    {
        var (turns, _, insight) = Create();
        var contained = Guid.NewGuid().ToString("N");
        var handedOff = Guid.NewGuid().ToString("N");
        var left = Guid.NewGuid().ToString("N");
        var etag = (await turns.CommitAsync(Write(contained, null, Facts(contained, Day.AddHours(2)), "my lamp arrived broken", ("remedies.offer", "offer-1")), CancellationToken.None))[$"webtest/{contained}"];
        await turns.CommitAsync(
            Write(contained, etag, Facts(contained, Day.AddHours(2)) with { Resolved = true, Rating = 5, LastFeeling = "calm", LastHeat = 0 }, "yes thanks") with
            {
                Facts = new TurnFacts(
                    Facts(contained, Day.AddHours(2)) with { Resolved = true, Rating = 5, LastFeeling = "calm", LastHeat = 0, LastStep = "Close: thank" },
                    [],
                    [new PromptFollowed(new ShownPrompt($"{contained}:0", contained, "webtest", "remedies.offer", "offer-1", Day.AddHours(2), 2), Outcomes.Answered, -2)],
                    [new RemedyFact($"{contained}:r0", contained, "webtest", "delivery", "refund", "a full refund", 42.50m, "USD", false, Day.AddHours(2))],
                    new CustomerTurnFact(contained, "a2", Day.AddHours(2), "calm", "yes thanks")),
            },
            CancellationToken.None);
        await turns.CommitAsync(Write(handedOff, null, Facts(handedOff, Day.AddDays(1)) with { HandoffReason = "CustomerAsked", TimeToAgent = TimeSpan.FromSeconds(90), Category = "billing", FirstFeeling = "furious", FirstHeat = 3, LastFeeling = "furious", LastHeat = 3 }, "get me a person"), CancellationToken.None);
        await turns.CommitAsync(Write(left, null, Facts(left, Day.AddDays(1)) with { LastStep = "Clarify: ask", ChannelId = "directline" }, "the app crashes"), CancellationToken.None);
        var charts = new DashboardCharts(insight);

        var summary = await charts.SummaryAsync(March, CancellationToken.None);
        var all = (await charts.ChartsAsync(March, CancellationToken.None)).ToDictionary(c => c.Id);
        var prompts = await charts.PromptsAsync(March, CancellationToken.None);
        var directLine = await charts.SummaryAsync(March with { Channel = "directline" }, CancellationToken.None);

        Assert.Equal((3L, 1L, 1L, 5.0, 90.0), (summary.Conversations, summary.Contained, summary.HandedOff, summary.AverageRating, summary.AverageSecondsToAgent));
        Assert.Equal(1, directLine.Conversations);
        Assert.Equal([1.0, 1, 1], Values(all["containment"]));
        Assert.Equal(7, all["volume"].Labels.Count);
        Assert.Equal([1.0, 2, 0, 0, 0, 0, 0], Values(all["volume"]));
        Assert.Equal([0.0, 0, 0, 2, 1], Values(all["feeling"], 0));
        Assert.Equal([0.0, 1, 0, 1, 1], Values(all["feeling"], 1));
        Assert.Equal(["CustomerAsked"], all["reasons"].Keys);
        Assert.Equal([0.0, 0, 0, 0, 1], Values(all["ratings"]));
        Assert.Equal([0.0, 1, 0, 0, 0], Values(all["wait"]));
        Assert.Equal("Clarify: ask", all["dropoff"].Keys[0]);
        Assert.Equal(["a full refund"], all["remedies"].Keys);
        Assert.Equal(["USD"], all["cost"].Keys);
        Assert.Equal(42.5, all["cost"].Series[0].Values[0]);
        Assert.Equal(["delivery", "billing"], all["categories"].Keys);
        var offer = Assert.Single(prompts);
        Assert.Equal(("remedies.offer", "offer-1", 1L, 1L, -2.0, 1L), (offer.Key, offer.Variant, offer.Shown, offer.Answered, offer.FeelingChange, offer.Calmer));
    }

    [Fact]
    public async Task Search_NarrowsByTextOutcomeFeelingReasonAndBar()
    {
        var (turns, _, insight) = Create();
        var angry = Guid.NewGuid().ToString("N");
        var calm = Guid.NewGuid().ToString("N");
        await turns.CommitAsync(Write(angry, null, Facts(angry, Day.AddHours(3)) with { HandoffReason = "FrustrationRising", FirstFeeling = "furious", TimeToAgent = TimeSpan.FromMinutes(7) }, "WHERE IS MY 100% REFUND"), CancellationToken.None);
        await turns.CommitAsync(Write(calm, null, Facts(calm, Day.AddHours(4)) with { FirstFeeling = "calm", LastStep = "Remedy: offer" }, "where is my parcel?"), CancellationToken.None);
        var search = new ConversationSearch(insight);

        async Task<IEnumerable<string>> Find(ReviewQuery query) => (await search.FindAsync(query, CancellationToken.None)).Select(c => c.Id);

        Assert.Equal([calm, angry], await Find(new ReviewQuery(March) { Text = "WHERE IS" }));
        Assert.Equal([angry], await Find(new ReviewQuery(March) { Text = "100% refund" }));
        Assert.Equal([angry], await Find(new ReviewQuery(March) { Outcome = Outcomes.Handoff }));
        Assert.Equal([angry], await Find(new ReviewQuery(March) { Feeling = "furious" }));
        Assert.Equal([angry], await Find(new ReviewQuery(March) { Reason = "any" }));
        Assert.Equal([calm], await Find(new ReviewQuery(March) { Reason = "none", Step = "Remedy: offer" }));
        Assert.Equal([angry], await Find(new ReviewQuery(March) { Wait = 2 }));
        Assert.Equal([calm], await Find(new ReviewQuery(March) { PeriodFrom = Day.AddHours(4), PeriodTo = Day.AddHours(5) }));
        Assert.Equal(2, await search.CountAsync(new ReviewQuery(March), CancellationToken.None));
    }

    private static List<double> Values(Chart chart, int series = 0) => [.. chart.Series[series].Values];

    private static ConversationFacts Facts(string id, DateTimeOffset started) => new()
    {
        Id = id,
        ChannelId = "webtest",
        ConversationId = id,
        CaseId = "case-" + id,
        Started = started,
        LastAt = started.AddMinutes(1),
        Category = "delivery",
        FirstFeeling = "upset",
        FirstHeat = 2,
        LastFeeling = "upset",
        LastHeat = 2,
    };

    private static TurnWrite Write(string id, string? etag, ConversationFacts? facts, string text, params (string Key, string Variant)[] shown) =>
        new(new Dictionary<string, StoreItem> { [$"webtest/{id}"] = new("{\"step\":1}", etag) }, "webtest", id, [Activity.CreateMessage(text) with { Id = "a1" }], [])
        {
            Facts = facts is null ? null : new TurnFacts(
                facts,
                [.. shown.Select((s, i) => new ShownPrompt($"{id}:{i}", id, facts.ChannelId, s.Key, s.Variant, facts.Started, 2))],
                [],
                [],
                new CustomerTurnFact(id, "a1", facts.Started, facts.FirstFeeling, text)),
        };
}

public sealed class MemoryInsightStoreTests : InsightStoreContractTests
{
    protected override (TurnStore, IStorage, InsightStore) Create()
    {
        var storage = new MemoryStorage();
        var insight = InsightStore.InMemory();
        return (TurnStore.Sequential(storage, new MemoryTranscriptStore(), Outbox.InMemory(), insight: insight), storage, insight);
    }
}

public sealed class SqliteInsightStoreTests : InsightStoreContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override (TurnStore, IStorage, InsightStore) Create()
    {
        var database = _databases.Open($"insight{Guid.NewGuid():N}.db");
        var insight = InsightStore.InSqlite(database);
        return (TurnStore.InSqlite(database, insight), new SqliteStorage(database), insight);
    }

    [Fact]
    public void TurnStore_GivenADashboardThatCannotKeepFacts_IsRefusedBeforeAnyTurn()
    {
        // Only the SQLite file's dashboard takes a turn's facts after its commit; another would fail a committed turn.
        var database = _databases.Open($"insight{Guid.NewGuid():N}.db");

        Assert.Throws<ArgumentException>(() => TurnStore.InSqlite(database, InsightStore.InMemory()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresInsightStoreTests : InsightStoreContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override (TurnStore, IStorage, InsightStore) Create()
    {
        var database = _postgres.Open();
        return (TurnStore.InPostgres(database), new PostgresStorage(database), InsightStore.InPostgres(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}
