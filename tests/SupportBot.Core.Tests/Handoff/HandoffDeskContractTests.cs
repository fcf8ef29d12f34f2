using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// The desk's queue over a real storage: of agents accepting one case at once exactly one wins, and a write that
/// loses an ETag race is retried until it lands, up to a limit, after which the conflict is reported.
/// </summary>
public abstract class HandoffDeskContractTests
{
    /// <summary>How often the desk tries a change before it gives up (HandoffDesk.MaxAttempts).</summary>
    private const int MaxAttempts = 8;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    protected abstract IStorage CreateStorage();

    [Fact]
    public async Task AcceptAsync_ManyAgentsAtOnce_ExactlyOneWins()
    {
        const int Agents = 12;
        var storage = new ConflictingStorage(CreateStorage(), key => key.EndsWith("/case-1", StringComparison.Ordinal));
        await new HandoffDesk(storage, _time).OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);

        // Every agent reads the case while nobody has it yet; only then may any of them write.
        var reads = 0;
        var allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        storage.AfterRead = async () =>
        {
            var read = Interlocked.Increment(ref reads);
            if (read == Agents)
            {
                allRead.SetResult();
            }

            if (read <= Agents)
            {
                await allRead.Task;
            }
        };
        var agents = Enumerable.Range(1, Agents).Select(i => Task.Run(async () =>
        {
            var (outcome, _) = await new HandoffDesk(storage, _time).AcceptAsync("case-1", $"agent{i}", $"Agent {i}", CancellationToken.None);
            return (Login: $"agent{i}", Outcome: outcome);
        })).ToList();

        var results = await Task.WhenAll(agents);

        var winner = Assert.Single(results, r => r.Outcome == AcceptOutcome.Accepted);
        Assert.All(results.Where(r => r != winner), r => Assert.Equal(AcceptOutcome.TakenByAnother, r.Outcome));
        var stored = await new HandoffDesk(storage, _time).GetAsync("case-1", CancellationToken.None);
        Assert.Equal(winner.Login, stored!.AgentLogin);
        Assert.Equal(CaseStatus.WithAgent, stored.Status);
    }

    [Fact]
    public async Task AcceptAsync_UnknownCase_NotFound()
    {
        var desk = new HandoffDesk(CreateStorage(), _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);

        var (outcome, found) = await desk.AcceptAsync("no-such-case", "agent1", "Agent 1", CancellationToken.None);

        Assert.Equal(AcceptOutcome.NotFound, outcome);
        Assert.Null(found);
    }

    [Fact]
    public async Task AcceptAsync_SameAgentTwice_StaysAcceptedByThem()
    {
        var desk = new HandoffDesk(CreateStorage(), _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);
        await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);

        var (again, _) = await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);
        var (other, _) = await desk.AcceptAsync("case-1", "agent2", "Agent 2", CancellationToken.None);

        Assert.Equal(AcceptOutcome.Accepted, again);
        Assert.Equal(AcceptOutcome.TakenByAnother, other);
    }

    [Fact]
    public async Task AcceptAsync_SomeWritesConflict_RetriesUntilItLands()
    {
        var storage = new ConflictingStorage(CreateStorage(), key => key.EndsWith("/case-1", StringComparison.Ordinal));
        var desk = new HandoffDesk(storage, _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);
        var writesBefore = storage.Writes;
        storage.ConflictsLeft = 3;

        var (outcome, accepted) = await desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None);

        Assert.Equal(AcceptOutcome.Accepted, outcome);
        Assert.Equal(4, storage.Writes - writesBefore);
        Assert.Equal("agent1", (await desk.GetAsync("case-1", CancellationToken.None))!.AgentLogin);
        Assert.Equal("agent1", accepted!.AgentLogin);
    }

    [Fact]
    public async Task AcceptAsync_EveryWriteConflicts_GivesUpAfterItsAttempts()
    {
        var storage = new ConflictingStorage(CreateStorage(), key => key.EndsWith("/case-1", StringComparison.Ordinal));
        var desk = new HandoffDesk(storage, _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);
        var writesBefore = storage.Writes;
        storage.ConflictsLeft = int.MaxValue;

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => desk.AcceptAsync("case-1", "agent1", "Agent 1", CancellationToken.None));

        Assert.Equal(MaxAttempts, storage.Writes - writesBefore);
        Assert.Null((await desk.GetAsync("case-1", CancellationToken.None))!.AgentLogin);
    }

    [Fact]
    public async Task OpenAsync_QueueChangedBetweenReadAndWrite_BothCasesAreQueued()
    {
        var inner = CreateStorage();
        var storage = new ConflictingStorage(inner, key => key == "desk/open");
        var desk = new HandoffDesk(storage, _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);

        // Another instance queues case-3 after this one read the queue and before it writes case-2 into it.
        storage.BeforeWrite = () => new HandoffDesk(inner, _time).OpenAsync(NewCase("case-3"), Reference("case-3"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await desk.OpenAsync(NewCase("case-2"), Reference("case-2"), CancellationToken.None);

        var open = await desk.OpenCasesAsync(CancellationToken.None);
        Assert.Equal(["case-1", "case-2", "case-3"], open.Select(c => c.CaseId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_EveryWriteConflicts_GivesUpAfterItsAttempts()
    {
        var storage = new ConflictingStorage(CreateStorage(), key => key.EndsWith("/case-1", StringComparison.Ordinal));
        var desk = new HandoffDesk(storage, _time);
        await desk.OpenAsync(NewCase("case-1"), Reference("case-1"), CancellationToken.None);
        var writesBefore = storage.Writes;
        storage.ConflictsLeft = int.MaxValue;

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => desk.UpdateAsync("case-1", c => c with { Status = CaseStatus.Closed }, CancellationToken.None));

        Assert.Equal(MaxAttempts, storage.Writes - writesBefore);
        Assert.Single(await desk.OpenCasesAsync(CancellationToken.None));
    }

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
        new() { ChannelId = "test", Conversation = new ConversationAccount { Id = "conv-" + caseId } };
}
