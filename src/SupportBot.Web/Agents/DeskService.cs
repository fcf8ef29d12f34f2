using Microsoft.Extensions.Options;
using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>
/// The desk's clock: every <c>Handoff:CheckSeconds</c> it tells each waiting customer where they stand once their
/// last update is <c>Handoff:UpdateSeconds</c> old (so no silence lasts longer), and sends the check-ins that are
/// due. The schedule lives in the outbox, so a restart loses nothing and a check-in fires once; like every message
/// the desk owes a customer, one their channel does not take is tried again (<see cref="DeskDeliveries"/>).
/// </summary>
public sealed partial class DeskService(HandoffDesk desk, FollowUpSchedule followUps, DeskRelay relay, IOptions<HandoffOptions> options, TimeProvider time, ILogger<DeskService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _round = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(every, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: queue updates, then due check-ins.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RoundAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(options.Value.UpdateSeconds);
        var position = 0;
        foreach (var waiting in (await desk.OpenCasesAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Status == CaseStatus.Waiting))
        {
            position++;
            if ((waiting.LastUpdateAt ?? waiting.CreatedAt) + interval > now)
            {
                continue;
            }

            // The update is queued in the same commit that records it was given: it is told once, whatever the channel does.
            var wait = (await desk.EstimateAsync(position, cancellationToken).ConfigureAwait(false)).Describe() ?? "hard to estimate just now";
            var (_, changed, update) = await desk.ChangeAsync(
                waiting.CaseId,
                c => c.Status == CaseStatus.Waiting && c.AgentLogin is null && (c.LastUpdateAt ?? c.CreatedAt) + interval <= now ? c with { LastUpdateAt = now } : null,
                (DeskEvents.QueueUpdate, new DeskEventValue { Position = position, Wait = wait }),
                cancellationToken).ConfigureAwait(false);
            if (changed)
            {
                await relay.DeliverAsync(update, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var due in await followUps.TakeDueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            await relay.DeliverAsync(due, cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _round.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of queue updates and check-ins failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
