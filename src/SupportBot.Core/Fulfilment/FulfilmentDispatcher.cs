using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// Carries out the actions a turn queued, once the turn is durable (the adapter's <see cref="Bot.OutboxDispatch"/>):
/// each one for a webhook gets its first attempt at once, and the customer's turn waits for the answers up to the
/// turn's budget. Then one more turn of the conversation tells where each stands: done only when the webhook's answer
/// confirmed it within the budget. That turn records the answers that came in time in its own commit, so what the
/// customer is told and what the outbox holds land together. An attempt still running goes on in the background, and
/// its answer is told in the same conversation when it comes.
/// </summary>
public sealed partial class FulfilmentDispatcher(FulfilmentOutbox outbox, FulfilmentDelivery delivery, TimeProvider time, ILogger<FulfilmentDispatcher> logger)
{
    /// <summary>How long after the turn an answer that came within it is told by the background, should the turn's own telling never happen.</summary>
    private static readonly TimeSpan TellGrace = TimeSpan.FromSeconds(30);

    /// <summary>Ends the attempts that outlive their turn when the app stops; the outbox sends them again after a restart.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>The <see cref="Bot.OutboxDispatch"/> for the adapter.</summary>
    public async Task DispatchAsync(Activity turn, IReadOnlyList<OutboxRow> queued, Func<Activity, IReadOnlyList<OutboxRow>, CancellationToken, Task> runTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(runTurn);
        var actions = queued.Where(FulfilmentOutbox.Holds).Select(FulfilmentOutbox.Read).ToList();
        if (actions.Count == 0)
        {
            return;
        }

        var waits = actions.Select(_ => new TurnWait()).ToList();
        var attempts = actions.Select((a, i) => a.Status == FulfilmentStatus.Delivering ? AttemptAsync(a, waits[i]) : Task.FromResult(new Attempted(a, null))).ToList();
        var all = Task.WhenAll(attempts);
        if (delivery.TurnBudget > TimeSpan.Zero)
        {
            // The budget's timer is stopped once the answers are in, rather than left to run out.
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(all, Task.Delay(delivery.TurnBudget, time, budget.Token)).ConfigureAwait(false);
            await budget.CancelAsync().ConfigureAwait(false);
        }

        // An attempt that has not finished by now records its answer itself and the background tells it; the answers
        // that came in time are recorded, and marked told, by the turn that tells them.
        var now = new List<FulfilmentAction>(actions.Count);
        var answers = new List<FulfilmentAnswer>();
        var changes = new List<OutboxRow>();
        for (var i = 0; i < actions.Count; i++)
        {
            if (waits[i].StopWaiting())
            {
                now.Add(actions[i]);
                continue;
            }

            var (recorded, answer) = await attempts[i].ConfigureAwait(false);
            if (answer is null)
            {
                now.Add(recorded ?? actions[i]);
            }
            else if (await outbox.ChangeInTurnAsync(answer.Action.DeliveryId, (current, _) => RecordedAndTold(current, answer), cancellationToken).ConfigureAwait(false) is { } change)
            {
                answers.Add(answer);
                changes.Add(change.Row);
                now.Add(change.Action);
            }
            else
            {
                now.Add(await delivery.RecordAsync(answer, static () => TellGrace).ConfigureAwait(false) ?? actions[i]);
            }
        }

        try
        {
            await runTurn(Outcomes(turn, now), changes, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageConcurrencyException ex) when (changes.Exists(c => c.Id == ex.Key))
        {
            // Somebody changed an action between its reading and the turn's commit: the answers are recorded on their
            // own (from where the action now stands), and the turn tells where each stands then.
            LogChangedMeanwhile(logger, ex.Key);
            foreach (var answer in answers)
            {
                var index = now.FindIndex(a => a.DeliveryId == answer.Action.DeliveryId);
                now[index] = await delivery.RecordAsync(answer, static () => TellGrace).ConfigureAwait(false) ?? now[index];
            }

            changes.Clear();
            await runTurn(Outcomes(turn, now), changes, cancellationToken).ConfigureAwait(false);
        }
        catch when (changes.Count > 0)
        {
            // The turn failed: its answers must not be lost with it. Recorded on their own, the background tells them.
            foreach (var answer in answers)
            {
                await delivery.RecordAsync(answer, static () => TimeSpan.Zero).ConfigureAwait(false);
            }

            throw;
        }

        foreach (var change in changes)
        {
            outbox.Announce(change.Id);
        }

        // The customer now knows where each stood: only a later change is told again, by the background.
        foreach (var action in now.Where(a => !changes.Exists(c => c.Id == a.DeliveryId)))
        {
            await outbox.ChangeAsync(action.DeliveryId, (current, due) => current.Told == action.Status
                ? null
                : (current with { Told = action.Status }, Told(current, action, due)), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The answer recorded and marked told: the turn that records it tells it.</summary>
    private (FulfilmentAction Action, DateTimeOffset? Due)? RecordedAndTold(FulfilmentAction current, FulfilmentAnswer answer) =>
        delivery.Recorded(current, answer, static () => TimeSpan.Zero) is { } recorded
            ? (recorded.Action with { Told = recorded.Action.Status }, Told(recorded.Action, recorded.Action, recorded.Due))
            : null;

    /// <summary>When an action told as <paramref name="told"/> is next due: never, once it is done or with a colleague as told.</summary>
    private static DateTimeOffset? Told(FulfilmentAction current, FulfilmentAction told, DateTimeOffset? due) =>
        current.Status == told.Status && current.Status is FulfilmentStatus.Done or FulfilmentStatus.WithColleague ? null : due;

    private Activity Outcomes(Activity turn, IEnumerable<FulfilmentAction> now) =>
        FulfilmentEvents.For(turn.GetConversationReference(), [.. now.Select(a => FulfilmentOutcome.Of(a, inTurn: true))], time.GetUtcNow());

    private async Task<Attempted> AttemptAsync(FulfilmentAction queued, TurnWait wait)
    {
        try
        {
            if (await delivery.SendFirstAsync(queued, Stopping).ConfigureAwait(false) is not { } answer)
            {
                var action = await delivery.AttemptAsync(queued.DeliveryId, reserved: true, wait.TellAfter, Stopping).ConfigureAwait(false);
                wait.Finish();
                return new Attempted(action, null);
            }

            // While the turn still waits, the answer is the turn's to record and tell; once it has moved on, the
            // answer is recorded here and the background tells it at once.
            return wait.Finish() ? new Attempted(null, answer) : new Attempted(await delivery.RecordAsync(answer, static () => TimeSpan.Zero).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action stays in the outbox: the background sends it once its reservation runs out.
            LogAttemptFailed(logger, queued.DeliveryId, ex);
            wait.Finish();
            return new Attempted(null, null);
        }
    }

    /// <summary>An attempt's end: the action as recorded, or the answer for the turn to record.</summary>
    private sealed record Attempted(FulfilmentAction? Action, FulfilmentAnswer? Answer);

    /// <summary>Whether the turn still waits for an attempt: of the attempt finishing and the turn moving on, the first decides.</summary>
    private sealed class TurnWait
    {
        private const int Waiting = 0;
        private const int Finished = 1;
        private const int MovedOn = 2;
        private int _state;

        /// <summary>How soon an answer that comes now must be told if nobody has told it by then.</summary>
        public TimeSpan TellAfter() => Volatile.Read(ref _state) == Waiting ? TellGrace : TimeSpan.Zero;

        /// <summary>The attempt finished; true when the turn still waited for it (and so takes its answer).</summary>
        public bool Finish() => Interlocked.CompareExchange(ref _state, Finished, Waiting) == Waiting;

        /// <summary>The turn moves on; true when the attempt had not finished (it then goes on alone).</summary>
        public bool StopWaiting() => Interlocked.CompareExchange(ref _state, MovedOn, Waiting) == Waiting;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first attempt at action {DeliveryId} failed; the outbox sends it again later")]
    private static partial void LogAttemptFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {DeliveryId} changed before the turn telling its outcome committed; its answer is recorded on its own")]
    private static partial void LogChangedMeanwhile(ILogger logger, string deliveryId);
}
