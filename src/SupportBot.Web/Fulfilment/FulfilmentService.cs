using Microsoft.Extensions.Options;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Web.Agents;
using SupportBot.Web.Channels;

namespace SupportBot.Web.Fulfilment;

/// <summary>
/// The outbox's clock: every <c>Fulfilment:CheckSeconds</c>, and at once when an action changes, it sends the actions
/// due (retries, and actions whose turn never sent them because the process stopped), hands to a colleague those whose
/// business system answered 202 but never called back, and tells customers what they have not heard yet (done, or
/// taken over by a colleague), each as a turn of their conversation, on their channel. The outbox is durable, so a
/// restart loses nothing, and each telling has one activity id per outcome, so a channel that failed once gets it
/// again rather than twice. It also sends again the messages the desk owes customers whose channel could not be
/// reached (<see cref="DeskDeliveries"/>).
/// </summary>
public sealed partial class FulfilmentService(
    FulfilmentOutbox outbox,
    FulfilmentDelivery delivery,
    FulfilmentDispatcher dispatcher,
    DeskDeliveries desk,
    TurnRunner turns,
    DeskFeed feed,
    IOptions<FulfilmentOptions> options,
    TimeProvider time,
    ILogger<FulfilmentService> logger) : BackgroundService
{
    private static readonly TimeSpan TellRetry = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        dispatcher.Stopping = stoppingToken;
        outbox.Changed += OnChanged;
        try
        {
            var every = TimeSpan.FromSeconds(options.Value.CheckSeconds);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRoundFailed(logger, ex);
                }

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                tick.CancelAfter(every);
                try
                {
                    await _wake.WaitAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval passed with nothing changed: look again anyway (retries fall due by the clock).
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            outbox.Changed -= OnChanged;
        }
    }

    /// <summary>One round over the actions due now.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            var sends = new List<Task> { desk.RetryDueAsync(now, cancellationToken) };
            foreach (var action in await outbox.DueAsync(now, cancellationToken).ConfigureAwait(false))
            {
                switch (action.Status)
                {
                    case FulfilmentStatus.Delivering:
                        sends.Add(delivery.AttemptAsync(action.DeliveryId, reserved: false, static () => TimeSpan.Zero, cancellationToken));
                        break;
                    case FulfilmentStatus.Accepted:
                        await outbox.ChangeAsync(action.DeliveryId, (current, due) => current.Status == FulfilmentStatus.Accepted && due <= now
                            ? (current with { Status = FulfilmentStatus.WithColleague, DeliveryFailed = true, ColleagueReason = $"the webhook '{current.Webhook}' accepted it but did not call back within {options.Value.CallbackHours:0.#} hours" }, now)
                            : null, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await TellAsync(action, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    /// <summary>Tells the customer where the action stands now, once; nothing to tell leaves it off the clock.</summary>
    private async Task TellAsync(FulfilmentAction action, CancellationToken cancellationToken)
    {
        if (action.Untold)
        {
            try
            {
                var outcome = FulfilmentOutcome.Of(action, inTurn: false);
                var activity = FulfilmentEvents.For(action.Reference, [outcome], time.GetUtcNow()) with { Id = $"fulfilment-{action.DeliveryId}-{outcome.Status.ToString().ToLowerInvariant()}" };
                await turns.RunAsync(activity, cancellationToken).ConfigureAwait(false);
                LogTold(logger, action.DeliveryId, action.Status);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTellFailed(logger, action.DeliveryId, ex);
                await outbox.ChangeAsync(action.DeliveryId, (current, _) => (current, time.GetUtcNow() + TellRetry), cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await outbox.ChangeAsync(action.DeliveryId, (current, due) => current.Status != action.Status
            ? null
            : (current with { Told = current.Status }, null), cancellationToken).ConfigureAwait(false);
    }

    private void OnChanged(string deliveryId)
    {
        feed.ActionChanged(deliveryId);
        // A round already called for is enough; checking first spares an exception on every change of a busy outbox.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another change called for the round in between.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Told the customer that action {DeliveryId} is {Status}")]
    private static partial void LogTold(ILogger logger, string deliveryId, FulfilmentStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the customer about action {DeliveryId}; trying again in a minute")]
    private static partial void LogTellFailed(ILogger logger, string deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of the outbox failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
