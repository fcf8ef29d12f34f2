using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// Carries out the actions a turn queued, once the turn is durable (the adapter's <see cref="Bot.OutboxDispatch"/>):
/// each one for a webhook gets its first attempt at once, and the customer's turn waits for the answers up to the
/// turn's budget. Then one more turn of the conversation tells where each stands: done only when the webhook's answer
/// confirmed it within the budget. An attempt still running goes on in the background, and its answer is told in the
/// same conversation when it comes.
/// </summary>
public sealed partial class FulfilmentDispatcher(FulfilmentOutbox outbox, FulfilmentDelivery delivery, TimeProvider time, ILogger<FulfilmentDispatcher> logger)
{
    /// <summary>How long after the turn an answer that came within it is told by the background, should the turn's own telling never happen.</summary>
    private static readonly TimeSpan TellGrace = TimeSpan.FromSeconds(30);

    /// <summary>Ends the attempts that outlive their turn when the app stops; the outbox sends them again after a restart.</summary>
    public CancellationToken Stopping { get; set; }

    /// <summary>The <see cref="Bot.OutboxDispatch"/> for the adapter.</summary>
    public async Task DispatchAsync(Activity turn, IReadOnlyList<OutboxRow> queued, Func<Activity, CancellationToken, Task> runTurn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(runTurn);
        var actions = queued.Where(FulfilmentOutbox.Holds).Select(FulfilmentOutbox.Read).ToList();
        if (actions.Count == 0)
        {
            return;
        }

        // While the turn still waits, an answer is the turn's to tell; once it has moved on, the background tells it at once.
        var waiting = 1;
        Func<TimeSpan> tellAfter = () => Volatile.Read(ref waiting) == 1 ? TellGrace : TimeSpan.Zero;
        var attempts = actions.Select(a => a.Status == FulfilmentStatus.Delivering ? AttemptAsync(a, tellAfter) : Task.FromResult<FulfilmentAction?>(a)).ToList();
        var all = Task.WhenAll(attempts);
        if (delivery.TurnBudget > TimeSpan.Zero)
        {
            await Task.WhenAny(all, Task.Delay(delivery.TurnBudget, time, cancellationToken)).ConfigureAwait(false);
        }

        Volatile.Write(ref waiting, 0);
        var now = actions.Select((a, i) => attempts[i].IsCompletedSuccessfully && attempts[i].Result is { } answered ? answered : a).ToList();
        await runTurn(FulfilmentEvents.For(turn.GetConversationReference(), [.. now.Select(a => FulfilmentOutcome.Of(a, inTurn: true))], time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

        // The customer now knows where each stood: only a later change is told again, by the background.
        foreach (var action in now)
        {
            await outbox.ChangeAsync(action.DeliveryId, (current, due) => current.Told == action.Status
                ? null
                : (current with { Told = action.Status }, current.Status == action.Status && current.Status is FulfilmentStatus.Done or FulfilmentStatus.WithColleague ? null : due), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<FulfilmentAction?> AttemptAsync(FulfilmentAction queued, Func<TimeSpan> tellAfter)
    {
        try
        {
            return await delivery.FirstAttemptAsync(queued, tellAfter, Stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The action stays in the outbox: the background sends it once its reservation runs out.
            LogAttemptFailed(logger, queued.DeliveryId, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The first attempt at action {DeliveryId} failed; the outbox sends it again later")]
    private static partial void LogAttemptFailed(ILogger logger, string deliveryId, Exception exception);
}
