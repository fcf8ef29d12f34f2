using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Tests.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// The desk's queue over a real table (memory, SQLite, PostgreSQL): every case handed over at once is listed, of
/// agents accepting one case at once exactly one wins, a colleague's action and what the customer hears of it are one
/// commit, and a case changed under a customer's turn makes that turn's commit refuse with nothing written.
/// </summary>
public abstract class HandoffDeskContractTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    protected abstract (DeskTable Table, Outbox Outbox, TurnStore Turns) Create();

    [Theory]
    [InlineData(16)]
    [InlineData(48)]
    public async Task OpenAsync_ManyCustomersHandOverAtOnce_EveryCaseIsListed(int customers)
    {
        var (table, _, turns) = Create();
        var desk = new HandoffDesk(table, _time);
        var changed = 0;
        desk.Changed += _ => Interlocked.Increment(ref changed);

        await Task.WhenAll(Enumerable.Range(1, customers).Select(i => Task.Run(() => HandOverAsync(desk, turns, $"case-{i}"))));

        var open = await desk.OpenCasesAsync(CancellationToken.None);
        Assert.Equal(customers, open.Select(c => c.CaseId).Distinct().Count());
        Assert.All(open, c => Assert.Equal(CaseStatus.Waiting, c.Status));
        Assert.Equal(customers, changed);
    }

    [Fact]
    public async Task ChangeAsync_ManyAgentsReadTheSameVersion_ExactlyOneWrites()
    {
        const int Agents = 12;
        var (table, _, turns) = Create();
        await HandOverAsync(new HandoffDesk(table, _time), turns, "case-1");

        // Every agent reads the case while nobody has it yet; only then may any of them write.
        using var allRead = new CountdownEvent(Agents);
        var reads = 0;
        var results = await Task.WhenAll(Enumerable.Range(1, Agents).Select(i => Task.Run(async () =>
        {
            var (_, changed, _) = await new HandoffDesk(table, _time).ChangeAsync("case-1", c =>
            {
                if (Interlocked.Increment(ref reads) <= Agents)
                {
                    allRead.Signal();
                    allRead.Wait(TimeSpan.FromSeconds(20));
                }

                return c.AgentLogin is null ? c with { AgentLogin = $"agent{i}", Status = CaseStatus.WithAgent } : null;
            }, tell: null, CancellationToken.None);
            return (Login: $"agent{i}", Changed: changed);
        })));

        var winner = Assert.Single(results, r => r.Changed);
        Assert.Equal(winner.Login, (await new HandoffDesk(table, _time).GetAsync("case-1", CancellationToken.None))!.AgentLogin);
        Assert.True(reads > Agents, "the losers read the case again after their write was refused");
    }

    [Fact]
    public async Task AcceptAsync_ManyAgentsAtOnce_ExactlyOneWins()
    {
        var (table, _, turns) = Create();
        await HandOverAsync(new HandoffDesk(table, _time), turns, "case-1");

        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Task.Run(async () =>
            (Login: $"agent{i}", (await new HandoffDesk(table, _time).AcceptAsync("case-1", $"agent{i}", $"Agent {i}", CancellationToken.None)).Outcome))));

        var winner = Assert.Single(results, r => r.Outcome == AcceptOutcome.Accepted);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(AcceptOutcome.TakenByAnother, r.Outcome));
        var stored = await new HandoffDesk(table, _time).GetAsync("case-1", CancellationToken.None);
        Assert.Equal((winner.Login, CaseStatus.WithAgent), (stored!.AgentLogin, stored.Status));
    }

    [Fact]
    public async Task AcceptAsync_UnknownCase_NotFound_AndTheSameAgentTwice_StaysTheirs()
    {
        var (table, _, turns) = Create();
        var desk = new HandoffDesk(table, _time);
        await HandOverAsync(desk, turns, "case-1");
        await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);

        var (unknown, found) = await desk.AcceptAsync("no-such-case", "agent1", "Agent 1", CancellationToken.None);
        var (again, _) = await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);
        var (other, _) = await desk.AcceptAsync("case-1", "agent2", "Agent 2", CancellationToken.None);

        Assert.Equal((AcceptOutcome.NotFound, null), (unknown, found));
        Assert.Equal(AcceptOutcome.Accepted, again);
        Assert.Equal(AcceptOutcome.TakenByAnother, other);
    }

    [Fact]
    public async Task AcceptAsync_WithWhatTheCustomerHears_QueuesItInTheSameCommit_AndClosedCasesLeaveTheQueue()
    {
        var (table, outbox, turns) = Create();
        var desk = new HandoffDesk(table, _time);
        await HandOverAsync(desk, turns, "case-1");
        await HandOverAsync(desk, turns, "case-2");

        var (outcome, taken, joined) = await desk.AcceptAsync("case-1", "agent1", "Agent 1", then: null, (DeskEvents.AgentJoined, new DeskEventValue { Agent = "Agent 1" }), CancellationToken.None);
        var (_, closed, _) = await desk.ChangeAsync("case-2", c => c with { Status = CaseStatus.Closed }, tell: null, CancellationToken.None);

        var deliveries = new DeskDeliveries(outbox, (_, _) => Task.CompletedTask, 3, 1, _time);
        var queued = Assert.Single(await deliveries.ForCaseAsync("case-1", CancellationToken.None));
        Assert.Equal(AcceptOutcome.Accepted, outcome);
        Assert.Equal((joined!.Id, DeskDeliveryStatus.Pending, DeskEvents.AgentJoined, "case-1"), (queued.Id, queued.Status, queued.Event.Name, queued.CaseId));
        Assert.Equal("conv-case-1", queued.Event.Conversation!.Id);
        Assert.Equal(DeskEvents.CallerId, queued.Event.CallerId);
        Assert.True(closed);
        Assert.Equal(["case-1"], (await desk.OpenCasesAsync(CancellationToken.None)).Select(c => c.CaseId));
        Assert.Equal("agent1", taken!.AgentLogin);
    }

    [Fact]
    public async Task WriteAsync_FromAStaleVersion_WritesNeitherTheRowNorItsOutboxEntries()
    {
        var (table, outbox, turns) = Create();
        await HandOverAsync(new HandoffDesk(table, _time), turns, "case-1");
        var read = (await table.GetAsync("case-1", CancellationToken.None))!;
        await table.WriteAsync(read with { Status = "with-agent" }, [], CancellationToken.None);
        var entry = new OutboxRow("told-" + Guid.NewGuid().ToString("N"), "case-1", "desk-pending", null, _time.GetUtcNow(), "{}");

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => table.WriteAsync(read with { Status = "closed" }, [entry], CancellationToken.None));

        Assert.Equal("with-agent", (await table.GetAsync("case-1", CancellationToken.None))!.Status);
        Assert.Null(await outbox.GetAsync(entry.Id, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_InATurn_WhenAColleagueChangedTheCaseMeanwhile_TheTurnCommitsNothing()
    {
        var (table, _, turns) = Create();
        var desk = new HandoffDesk(table, _time);
        await HandOverAsync(desk, turns, "case-1");
        var context = new TurnContext(Message("case-1"), _time);
        await desk.UpdateAsync(context, "case-1", c => c with { Status = CaseStatus.Callback, CallbackContact = "07700 900123" }, CancellationToken.None);
        await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => turns.CommitAsync(Write(context), CancellationToken.None));

        var stored = await desk.GetAsync("case-1", CancellationToken.None);
        Assert.Equal((CaseStatus.WithAgent, null), (stored!.Status, stored.CallbackContact));
    }

    [Fact]
    public async Task EstimateAsync_ComesFromHowLongRecentCasesWaited()
    {
        var (table, _, turns) = Create();
        var desk = new HandoffDesk(table, _time);
        Assert.Equal(0, (await desk.EstimateAsync(1, CancellationToken.None)).Samples);
        foreach (var (caseId, minutes) in new[] { ("case-1", 4), ("case-2", 6) })
        {
            await HandOverAsync(desk, turns, caseId);
            _time.Advance(TimeSpan.FromMinutes(minutes));
            await desk.AcceptAsync(caseId, "agent1", "Agent 1", CancellationToken.None);
        }

        var estimate = await desk.EstimateAsync(1, CancellationToken.None);

        Assert.Equal("about 2 to 7 minutes", estimate.Describe());
    }

    /// <summary>A customer's turn that hands the case over, committed as the adapter commits it.</summary>
    private async Task HandOverAsync(HandoffDesk desk, TurnStore turns, string caseId)
    {
        var context = new TurnContext(Message(caseId), _time);
        await desk.OpenAsync(context, NewCase(caseId), Reference(caseId), CancellationToken.None);
        await turns.CommitAsync(Write(context), CancellationToken.None);
        foreach (var committed in context.WhenCommitted)
        {
            committed();
        }
    }

    private static TurnWrite Write(TurnContext context) =>
        new(new Dictionary<string, StoreItem>(), "test", context.Activity.Conversation!.Id!, [context.Activity], context.Outbox) { Desk = context.Desk };

    private static Activity Message(string caseId) =>
        new() { Type = ActivityTypes.Message, Id = Guid.NewGuid().ToString("N"), ChannelId = "test", Conversation = new ConversationAccount { Id = "conv-" + caseId }, Text = "that's right" };

    /// <summary>The one place that builds test cases, so a change to the case model touches only this.</summary>
    private SupportCase NewCase(string caseId)
    {
        var supportCase = SupportCase.Open(new Activity { ChannelId = "test", From = new ChannelAccount { Id = "user-" + caseId }, Conversation = new ConversationAccount { Id = "conv-" + caseId } }, caseId, _time.GetUtcNow());
        supportCase.Name("Dana Reyes");
        supportCase.Category = "delivery";
        supportCase.CategoryTitle = "Delivery late or missing";
        supportCase.Complaint = "my parcel never arrived";
        supportCase.HandoffReason = HandoffReason.CustomerAsked;
        return supportCase;
    }

    private static ConversationReference Reference(string caseId) =>
        new() { ChannelId = "test", Conversation = new ConversationAccount { Id = "conv-" + caseId }, User = new ChannelAccount { Id = "user-" + caseId } };
}

public sealed class MemoryHandoffDeskTests : HandoffDeskContractTests
{
    protected override (DeskTable, Outbox, TurnStore) Create()
    {
        var outbox = Outbox.InMemory();
        var desk = DeskTable.InMemory(outbox);
        return (desk, outbox, TurnStore.Sequential(new MemoryStorage(), new MemoryTranscriptStore(), outbox, desk));
    }
}

public sealed class SqliteHandoffDeskTests : HandoffDeskContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override (DeskTable, Outbox, TurnStore) Create()
    {
        var database = _databases.Open($"desk{Guid.NewGuid():N}.db");
        return (DeskTable.InSqlite(database), Outbox.InSqlite(database), TurnStore.InSqlite(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresHandoffDeskTests : HandoffDeskContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override (DeskTable, Outbox, TurnStore) Create()
    {
        var database = _postgres.Open();
        return (DeskTable.InPostgres(database), Outbox.InPostgres(database), TurnStore.InPostgres(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}
