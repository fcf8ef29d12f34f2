using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Tests.State;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// The rules the <see cref="FollowUpSchedule"/> obeys over every outbox: due check-ins come out once, soonest first,
/// each as a message the desk owes its customer; later ones stay; of several takers at once, each check-in goes to
/// one; a case scheduled again replaces its earlier check-in.
/// </summary>
public abstract class FollowUpScheduleContractTests
{
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2026-03-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    protected abstract Outbox CreateOutbox();

    [Fact]
    public async Task FollowUps_DueOnesAreTakenOnceSoonestFirst_LaterOnesStay()
    {
        var schedule = new FollowUpSchedule(CreateOutbox());
        await schedule.AddAsync(Due("b", Noon.AddMinutes(-5)), Noon.AddDays(-3), CancellationToken.None);
        await schedule.AddAsync(Due("a", Noon.AddMinutes(-10)), Noon.AddDays(-3), CancellationToken.None);
        await schedule.AddAsync(Due("later", Noon.AddHours(1)), Noon.AddDays(-3), CancellationToken.None);

        var first = await schedule.TakeDueAsync(Noon, CancellationToken.None);
        var again = await schedule.TakeDueAsync(Noon, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Select(f => f.CaseId));
        Assert.Empty(again);
        Assert.Equal("later", Assert.Single(await schedule.PendingAsync(CancellationToken.None)).CaseId);
        Assert.Equal(("conv-a", DeskEvents.FollowUp, DeskDeliveryStatus.Pending), (first[0].Event.Conversation!.Id, first[0].Event.Name, first[0].Status));
    }

    [Fact]
    public async Task FollowUps_ManyTakersAtOnce_EachCheckInIsTakenOnce()
    {
        var outbox = CreateOutbox();
        var schedule = new FollowUpSchedule(outbox);
        foreach (var i in Enumerable.Range(1, 10))
        {
            await schedule.AddAsync(Due($"case-{i}", Noon.AddMinutes(-i)), Noon.AddDays(-3), CancellationToken.None);
        }

        var taken = await Task.WhenAll(Enumerable.Range(1, 4).Select(_ => Task.Run(() => new FollowUpSchedule(outbox).TakeDueAsync(Noon, CancellationToken.None))));

        Assert.Equal(10, taken.SelectMany(t => t).Count());
        Assert.Equal(10, taken.SelectMany(t => t).Select(d => d.CaseId).Distinct().Count());
    }

    [Fact]
    public async Task FollowUps_SameCaseAgain_ReplacesTheEarlierOne()
    {
        var schedule = new FollowUpSchedule(CreateOutbox());
        await schedule.AddAsync(Due("a", Noon.AddMinutes(-5)), Noon.AddDays(-3), CancellationToken.None);
        await schedule.AddAsync(Due("a", Noon.AddDays(1)), Noon, CancellationToken.None);

        Assert.Empty(await schedule.TakeDueAsync(Noon, CancellationToken.None));
        Assert.Equal(Noon.AddDays(1), Assert.Single(await schedule.PendingAsync(CancellationToken.None)).Due);
    }

    private static FollowUp Due(string caseId, DateTimeOffset due) =>
        new(caseId, new ConversationReference { ChannelId = "test", Conversation = new ConversationAccount { Id = "conv-" + caseId } }, null, "your parcel", "a replacement", due);
}

public sealed class MemoryFollowUpScheduleTests : FollowUpScheduleContractTests
{
    protected override Outbox CreateOutbox() => Outbox.InMemory();
}

public sealed class SqliteFollowUpScheduleTests : FollowUpScheduleContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override Outbox CreateOutbox() => Outbox.InSqlite(_databases.Open($"followups{Guid.NewGuid():N}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresFollowUpScheduleTests : FollowUpScheduleContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override Outbox CreateOutbox() => Outbox.InPostgres(_postgres.Open());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}
