using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.Tests.State;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>The rules every <see cref="FollowUpSchedule"/> obeys: due ones come out once, soonest first; later ones stay.</summary>
public abstract class FollowUpScheduleContractTests
{
    private static readonly DateTimeOffset Noon = DateTimeOffset.Parse("2026-03-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    protected abstract FollowUpSchedule CreateSchedule();

    [Fact]
    public async Task FollowUps_DueOnesAreTakenOnceSoonestFirst_LaterOnesStay()
    {
        var schedule = CreateSchedule();
        await schedule.AddAsync(Due("b", Noon.AddMinutes(-5)), CancellationToken.None);
        await schedule.AddAsync(Due("a", Noon.AddMinutes(-10)), CancellationToken.None);
        await schedule.AddAsync(Due("later", Noon.AddHours(1)), CancellationToken.None);

        var first = await schedule.TakeDueAsync(Noon, CancellationToken.None);
        var again = await schedule.TakeDueAsync(Noon, CancellationToken.None);

        Assert.Equal(["a", "b"], first.Select(f => f.CaseId));
        Assert.Empty(again);
        Assert.Equal("later", Assert.Single(await schedule.PendingAsync(CancellationToken.None)).CaseId);
        Assert.Equal("conv-a", first[0].Reference.Conversation!.Id);
    }

    [Fact]
    public async Task FollowUps_SameCaseAgain_ReplacesTheEarlierOne()
    {
        var schedule = CreateSchedule();
        await schedule.AddAsync(Due("a", Noon.AddMinutes(-5)), CancellationToken.None);
        await schedule.AddAsync(Due("a", Noon.AddDays(1)), CancellationToken.None);

        Assert.Empty(await schedule.TakeDueAsync(Noon, CancellationToken.None));
        Assert.Equal(Noon.AddDays(1), Assert.Single(await schedule.PendingAsync(CancellationToken.None)).Due);
    }

    private static FollowUp Due(string caseId, DateTimeOffset due) =>
        new(caseId, new ConversationReference { ChannelId = "test", Conversation = new ConversationAccount { Id = "conv-" + caseId } }, null, "your parcel", "a replacement", due);
}

public sealed class MemoryFollowUpScheduleTests : FollowUpScheduleContractTests
{
    protected override FollowUpSchedule CreateSchedule() => FollowUpSchedule.InMemory();
}

public sealed class SqliteFollowUpScheduleTests : FollowUpScheduleContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override FollowUpSchedule CreateSchedule() => FollowUpSchedule.InSqlite(_databases.Open($"followups{Guid.NewGuid():N}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}

public sealed class PostgresFollowUpScheduleTests : FollowUpScheduleContractTests, IAsyncLifetime
{
    private readonly TestPostgres _postgres = new();

    protected override FollowUpSchedule CreateSchedule() => FollowUpSchedule.InPostgres(_postgres.Open());

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _postgres.DisposeAsync().AsTask();
}
