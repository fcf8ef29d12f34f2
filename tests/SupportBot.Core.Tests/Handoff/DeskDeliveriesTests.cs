using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Tests.State;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>
/// What the desk owes a customer, over a real outbox: tried at once, tried again with growing waits while the
/// customer's channel cannot be reached, failed after its attempts and sent again on request, and each customer's
/// messages in the order they were queued.
/// </summary>
public abstract class DeskDeliveriesContractTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly List<string> _heard = [];
    private bool _channelUp;

    protected abstract Outbox CreateOutbox();

    [Fact]
    public async Task Attempt_WhileTheChannelIsDown_StaysPendingAndIsTriedAgainLater_ThenDeliveredOnce()
    {
        var deliveries = Create(attempts: 5);
        var joined = await deliveries.QueueAsync("case-1", Reference(), DeskEvents.AgentJoined, new DeskEventValue { Agent = "Alex Morgan" }, CancellationToken.None);

        var first = await deliveries.AttemptAsync(joined.Id, first: true, CancellationToken.None);
        await deliveries.RetryDueAsync(_time.GetUtcNow(), CancellationToken.None); // not due yet: nothing is tried
        _time.Advance(TimeSpan.FromSeconds(13)); // past the first wait (10 s ± 20%)
        _channelUp = true;
        await deliveries.RetryDueAsync(_time.GetUtcNow(), CancellationToken.None);
        await deliveries.RetryDueAsync(_time.GetUtcNow(), CancellationToken.None);
        var now = await deliveries.GetAsync(joined.Id, CancellationToken.None);

        Assert.Equal((DeskDeliveryStatus.Pending, 1), (first!.Status, first.Attempts));
        Assert.Contains("down", first.LastError, StringComparison.Ordinal);
        Assert.Equal((DeskDeliveryStatus.Delivered, 2), (now!.Status, now.Attempts));
        Assert.Equal([DeskEvents.AgentJoined], _heard);
    }

    [Fact]
    public async Task Attempt_DownForGood_FailsAfterItsAttempts_AndSendAgainStartsOver()
    {
        var deliveries = Create(attempts: 3);
        var decided = await deliveries.QueueAsync("case-1", Reference(), DeskEvents.Decision, new DeskEventValue { Agent = "Alex Morgan" }, CancellationToken.None);
        await deliveries.AttemptAsync(decided.Id, first: true, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(2));
            await deliveries.RetryDueAsync(_time.GetUtcNow(), CancellationToken.None);
        }

        var failed = await deliveries.GetAsync(decided.Id, CancellationToken.None);
        var undelivered = await deliveries.UndeliveredAsync(CancellationToken.None);
        _channelUp = true;
        var again = await deliveries.SendAgainAsync(decided.Id, CancellationToken.None);

        Assert.Equal((DeskDeliveryStatus.Failed, 3), (failed!.Status, failed.Attempts));
        Assert.Equal(decided.Id, Assert.Single(undelivered).Id);
        Assert.Equal((DeskDeliveryStatus.Delivered, 1), (again!.Status, again.Attempts));
        Assert.Empty(await deliveries.UndeliveredAsync(CancellationToken.None));
        Assert.Equal([DeskEvents.Decision], _heard);
    }

    [Fact]
    public async Task Attempt_BehindAnOlderMessageStillOnItsWay_Waits_AndFollowsItOnceItIsThrough()
    {
        var deliveries = Create(attempts: 5);
        var joined = await deliveries.QueueAsync("case-1", Reference(), DeskEvents.AgentJoined, new DeskEventValue { Agent = "Alex Morgan" }, CancellationToken.None);
        await deliveries.AttemptAsync(joined.Id, first: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        _channelUp = true;
        var message = await deliveries.QueueAsync("case-1", Reference(), DeskEvents.AgentMessage, new DeskEventValue { Agent = "Alex Morgan", Text = "Hi Dana" }, CancellationToken.None);

        var waiting = await deliveries.AttemptAsync(message.Id, first: true, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(13));
        await deliveries.RetryDueAsync(_time.GetUtcNow(), CancellationToken.None);

        Assert.Equal((DeskDeliveryStatus.Pending, 0), (waiting!.Status, waiting.Attempts));
        Assert.Equal([DeskEvents.AgentJoined, DeskEvents.AgentMessage], _heard);
        Assert.Equal(DeskDeliveryStatus.Delivered, (await deliveries.GetAsync(message.Id, CancellationToken.None))!.Status);
    }

    private DeskDeliveries Create(int attempts) =>
        new(CreateOutbox(), (activity, _) =>
        {
            if (!_channelUp)
            {
                throw new HttpRequestException("the customer's channel is down");
            }

            _heard.Add(activity.Name!);
            return Task.CompletedTask;
        }, attempts, 10, _time);

    private static ConversationReference Reference() =>
        new() { ChannelId = "test", ServiceUrl = "http://127.0.0.1:9/", Conversation = new ConversationAccount { Id = "conv-1" }, User = new ChannelAccount { Id = "user-1" } };
}

public sealed class MemoryDeskDeliveriesTests : DeskDeliveriesContractTests
{
    protected override Outbox CreateOutbox() => Outbox.InMemory();
}

public sealed class SqliteDeskDeliveriesTests : DeskDeliveriesContractTests, IAsyncLifetime
{
    private readonly TempDatabases _databases = new();

    protected override Outbox CreateOutbox() => Outbox.InSqlite(_databases.Open($"deliveries{Guid.NewGuid():N}.db"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _databases.DisposeAsync().AsTask();
}
