using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Activities;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests.Fulfilment;

/// <summary>
/// The first attempt at a granted action, as the customer's turn waits for it: the webhook's answer is recorded and
/// marked told in the commit of the turn that tells it, and is never lost, whether somebody changed the action
/// meanwhile or that turn failed.
/// </summary>
public sealed class FulfilmentDispatcherTests
{
    private static readonly ConversationReference Reference = new()
    {
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "c1" },
        User = new ChannelAccount { Id = "u1" },
        Bot = new ChannelAccount { Id = "bot" },
    };

    private static readonly Activity Turn = Activity.CreateMessage("the replacement please") with
    {
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "c1" },
        From = new ChannelAccount { Id = "u1" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private sealed record Setup(Outbox Outbox, FulfilmentDispatcher Dispatcher, OutboxRow Queued, FakeBusiness Business);

    private static async Task<Setup> CreateAsync(FakeBusiness business)
    {
        var outbox = Outbox.InMemory();
        var actions = new FulfilmentOutbox(outbox);
        var options = TestBots.Fulfilment();
        var delivery = new FulfilmentDelivery(actions, new HttpClient(business), options, TimeProvider.System, NullLogger<FulfilmentDelivery>.Instance);
        var action = new FulfilmentAction
        {
            DeliveryId = $"act-{Guid.NewGuid():N}",
            IdempotencyKey = "key-1",
            CaseId = "case-1",
            RemedyId = "replacement",
            RemedyTitle = "a replacement",
            Reference = Reference,
            Webhook = "orders",
            Body = "{\"order\":\"48213\"}",
            Status = FulfilmentStatus.Delivering,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var queued = FulfilmentOutbox.Row(action, DateTimeOffset.UtcNow.AddSeconds(30));
        await outbox.AddAsync([queued], CancellationToken.None);
        return new Setup(outbox, new FulfilmentDispatcher(actions, delivery, TimeProvider.System, NullLogger<FulfilmentDispatcher>.Instance), queued, business);
    }

    private static async Task<FulfilmentAction> StoredAsync(Setup setup) =>
        FulfilmentOutbox.Read((await setup.Outbox.GetAsync(setup.Queued.Id, CancellationToken.None))!);

    [Fact]
    public async Task Answer_IsRecordedAndMarkedTold_InTheTellingTurnsOwnCommit()
    {
        var setup = await CreateAsync(FakeBusiness.Up());
        var told = new List<(IReadOnlyList<FulfilmentOutcome> Outcomes, IReadOnlyList<OutboxRow> Changes)>();

        await setup.Dispatcher.DispatchAsync(Turn, [setup.Queued], async (outcome, changes, ct) =>
        {
            told.Add((FulfilmentEvents.Read(outcome), changes));
            await setup.Outbox.AddAsync(changes, ct); // the turn's commit
        }, CancellationToken.None);

        var (outcomes, changes) = Assert.Single(told);
        Assert.Equal((FulfilmentStatus.Done, "REF-1001"), (Assert.Single(outcomes).Status, outcomes[0].Result?.Reference));
        Assert.Equal(setup.Queued.Id, Assert.Single(changes).Id);
        var stored = await StoredAsync(setup);
        Assert.Equal((FulfilmentStatus.Done, FulfilmentStatus.Done, 1, "REF-1001"), (stored.Status, stored.Told, stored.Attempts, stored.Result?.Reference));
        var row = (await setup.Outbox.GetAsync(setup.Queued.Id, CancellationToken.None))!;
        Assert.Equal((2L, (DateTimeOffset?)null), (row.Version, row.Due));
        Assert.Single(setup.Business.Received);
    }

    [Fact]
    public async Task ActionChangedBeforeTheTellingTurnCommits_AnswerRecordedOnItsOwn_AndTheTurnTellsWhereItThenStands()
    {
        var setup = await CreateAsync(FakeBusiness.Up());
        var told = new List<IReadOnlyList<FulfilmentOutcome>>();

        await setup.Dispatcher.DispatchAsync(Turn, [setup.Queued], async (outcome, changes, ct) =>
        {
            told.Add(FulfilmentEvents.Read(outcome));
            if (told.Count == 1)
            {
                // A colleague takes the action over while the turn runs.
                var current = (await setup.Outbox.GetAsync(setup.Queued.Id, ct))!;
                var action = FulfilmentOutbox.Read(current);
                await setup.Outbox.UpdateAsync(FulfilmentOutbox.Row(action with { Status = FulfilmentStatus.WithColleague, ColleagueReason = "taken over" }, null) with { Version = current.Version }, ct);
            }

            await setup.Outbox.AddAsync(changes, ct);
        }, CancellationToken.None);

        Assert.Equal([FulfilmentStatus.Done, FulfilmentStatus.WithColleague], told.Select(o => Assert.Single(o).Status));
        var stored = await StoredAsync(setup);
        Assert.Equal((FulfilmentStatus.WithColleague, FulfilmentStatus.WithColleague, "taken over"), (stored.Status, stored.Told, stored.ColleagueReason));
    }

    [Fact]
    public async Task TellingTurnFails_AnswerIsStillRecorded_ForTheBackgroundToTell()
    {
        var setup = await CreateAsync(FakeBusiness.Up());

        await Assert.ThrowsAsync<InvalidOperationException>(() => setup.Dispatcher.DispatchAsync(Turn, [setup.Queued], (_, _, _) => throw new InvalidOperationException("the turn failed"), CancellationToken.None));

        var stored = await StoredAsync(setup);
        Assert.Equal((FulfilmentStatus.Done, (FulfilmentStatus?)null, 1), (stored.Status, stored.Told, stored.Attempts));
        Assert.True(stored.Untold);
        Assert.True((await setup.Outbox.GetAsync(setup.Queued.Id, CancellationToken.None))!.Due <= DateTimeOffset.UtcNow);
    }
}
