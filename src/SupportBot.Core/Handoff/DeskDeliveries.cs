using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The messages the desk owes customers, kept in the outbox (<see cref="DeskDelivery"/>): queued in the same commit
/// as the desk action that causes them, tried at once, and when the customer's channel cannot be reached, tried again
/// with growing waits (by the outbox's clock, on whichever instance) until it takes them or the attempts run out. A
/// customer's messages reach them in the order they were queued: one waits while an older one is still on its way.
/// </summary>
/// <param name="outbox">Where the deliveries are kept.</param>
/// <param name="run">Runs a desk event as a turn of its conversation and delivers the replies; throws when it could not.</param>
/// <param name="attempts">How many times a message is tried before it is left for a colleague to send again.</param>
/// <param name="firstRetrySeconds">The wait before the second attempt; each next one waits twice as long.</param>
/// <param name="time">The clock.</param>
public sealed class DeskDeliveries(Outbox outbox, Func<Activity, CancellationToken, Task> run, int attempts, double firstRetrySeconds, TimeProvider time)
{
    private const string Prefix = "desk-";

    /// <summary>How long an attempt holds its delivery: past it, a process that stopped mid-attempt is taken to have failed.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    /// <summary>Raised with a case id whenever one of its deliveries was tried (the agent console listens).</summary>
    public event Action<string>? Changed;

    /// <summary>A new delivery of desk event <paramref name="name"/> to the case's customer, and its outbox entry (held for its first attempt).</summary>
    public static (DeskDelivery Delivery, OutboxRow Row) New(string caseId, ConversationReference reference, string name, DeskEventValue value, DateTimeOffset now)
    {
        var activity = DeskEvents.For(reference, name, "desk", value, now);
        var delivery = new DeskDelivery { Id = activity.Id!, CaseId = caseId, Event = activity, CreatedAt = now };
        return (delivery, Row(delivery, now + Claim));
    }

    /// <summary>Queues desk event <paramref name="name"/> for a case's customer on its own (a colleague's message changes no case).</summary>
    public async Task<DeskDelivery> QueueAsync(string caseId, ConversationReference reference, string name, DeskEventValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (delivery, row) = New(caseId, reference, name, value with { CaseId = caseId }, time.GetUtcNow());
        await outbox.AddAsync([row], cancellationToken).ConfigureAwait(false);
        return delivery;
    }

    /// <summary>The outbox entry holding <paramref name="delivery"/>, next due at <paramref name="due"/>.</summary>
    public static OutboxRow Row(DeskDelivery delivery, DateTimeOffset? due)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new OutboxRow(delivery.Id, delivery.CaseId, Status(delivery.Status), due, delivery.CreatedAt, JsonSerializer.Serialize(delivery, StateJson.Options));
    }

    /// <summary>Whether an outbox entry is a desk delivery (the outbox holds other things too).</summary>
    public static bool Holds(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Status.StartsWith(Prefix, StringComparison.Ordinal);
    }

    public async Task<DeskDelivery?> GetAsync(string id, CancellationToken cancellationToken) =>
        await outbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } row && Holds(row) ? Read(row) : null;

    /// <summary>A case's deliveries, oldest first.</summary>
    public async Task<IReadOnlyList<DeskDelivery>> ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        [.. (await outbox.ForCaseAsync(caseId, cancellationToken).ConfigureAwait(false)).Where(Holds).Select(Read)];

    /// <summary>The newest deliveries not through (pending or failed), for the console.</summary>
    public async Task<IReadOnlyList<DeskDelivery>> UndeliveredAsync(CancellationToken cancellationToken) =>
        [.. (await outbox.WithStatusAsync([Status(DeskDeliveryStatus.Pending), Status(DeskDeliveryStatus.Failed)], cancellationToken).ConfigureAwait(false)).Select(Read)];

    /// <summary>Tries every delivery due at <paramref name="now"/> again, each customer's in order, customers side by side.</summary>
    public async Task RetryDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = (await outbox.DueAsync(now, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == Status(DeskDeliveryStatus.Pending));
        await Task.WhenAll(due.GroupBy(r => r.CaseId, StringComparer.Ordinal).Select(async rows =>
        {
            foreach (var row in rows.OrderBy(r => r.Created))
            {
                await AttemptAsync(row.Id, first: false, cancellationToken).ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>Sends a delivery that failed for good again, from its first attempt; returns it as it then stands.</summary>
    public async Task<DeskDelivery?> SendAgainAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (row, changed) = await outbox.ChangeAsync(id, row => Holds(row) && Read(row) is { Status: DeskDeliveryStatus.Failed } failed
            ? Row(failed with { Status = DeskDeliveryStatus.Pending, Attempts = 0 }, now + Claim)
            : null, cancellationToken).ConfigureAwait(false);
        return changed ? await AttemptAsync(id, first: true, cancellationToken).ConfigureAwait(false) : row is not null && Holds(row) ? Read(row) : null;
    }

    /// <summary>
    /// Tries a delivery once if it is for trying now: <paramref name="first"/> for the attempt right after the desk
    /// action that queued it (whose hold it has), otherwise when it is due. A delivery with an older one of the same
    /// customer still on its way waits behind it. Once it is through, the customer's next waiting one follows at once.
    /// Returns the delivery as it then stands.
    /// </summary>
    public async Task<DeskDelivery?> AttemptAsync(string id, bool first, CancellationToken cancellationToken)
    {
        if (await outbox.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } current || !Holds(current))
        {
            return null;
        }

        if (current.Status != Status(DeskDeliveryStatus.Pending))
        {
            return Read(current);
        }

        var now = time.GetUtcNow();
        var ahead = (await outbox.ForCaseAsync(current.CaseId, cancellationToken).ConfigureAwait(false))
            .LastOrDefault(r => r.Status == Status(DeskDeliveryStatus.Pending) && Before(r, current));
        var (claimed, changed) = await outbox.ChangeAsync(id, row =>
        {
            var delivery = Read(row);
            if (delivery.Status != DeskDeliveryStatus.Pending || (first ? delivery.Attempts > 0 : row.Due > now))
            {
                return null;
            }

            // Behind an older one: due just after it, and sent as soon as it is through.
            return ahead is not null
                ? row with { Due = Later(row.Due, ahead.Due) }
                : Row(delivery with { Attempts = delivery.Attempts + 1 }, now + Claim);
        }, cancellationToken).ConfigureAwait(false);
        if (claimed is null || !changed || ahead is not null)
        {
            return claimed is null ? null : Read(claimed);
        }

        var attempt = Read(claimed);
        string? error = null;
        try
        {
            await run(attempt.Event, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = ex.Message;
        }

        var after = time.GetUtcNow();
        var (recorded, _) = await outbox.ChangeAsync(id, row => Read(row) is { Status: DeskDeliveryStatus.Pending } delivery && delivery.Attempts == attempt.Attempts
            ? error is null
                ? Row(delivery with { Status = DeskDeliveryStatus.Delivered, DeliveredAt = after, LastError = null }, null)
                : delivery.Attempts >= attempts
                    ? Row(delivery with { Status = DeskDeliveryStatus.Failed, LastError = error }, null)
                    : Row(delivery with { LastError = error }, after + Outbox.Backoff(delivery.Attempts, firstRetrySeconds, MaxWait.TotalSeconds))
            : null, CancellationToken.None).ConfigureAwait(false);
        Changed?.Invoke(attempt.CaseId);

        if (error is null && await NextAsync(attempt.CaseId, cancellationToken).ConfigureAwait(false) is { } next)
        {
            await AttemptAsync(next, first: true, cancellationToken).ConfigureAwait(false);
        }

        return recorded is null ? null : Read(recorded);
    }

    /// <summary>The case's oldest delivery that waits and was never tried (it waited behind one just delivered), or null.</summary>
    private async Task<string?> NextAsync(string caseId, CancellationToken cancellationToken)
    {
        var rows = await outbox.ForCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
        return rows.FirstOrDefault(r => r.Status == Status(DeskDeliveryStatus.Pending) && Read(r).Attempts == 0)?.Id;
    }

    /// <summary>Whether <paramref name="row"/> was queued before <paramref name="other"/> (by time, then id, as the outbox lists a case's entries).</summary>
    private static bool Before(OutboxRow row, OutboxRow other) =>
        row.Created < other.Created || (row.Created == other.Created && string.CompareOrdinal(row.Id, other.Id) < 0);

    private static DateTimeOffset? Later(DateTimeOffset? due, DateTimeOffset? ahead) =>
        ahead is { } a && (due is null || due <= a) ? a.AddMilliseconds(1) : due;

    private static DeskDelivery Read(OutboxRow row) => JsonSerializer.Deserialize<DeskDelivery>(row.Json, StateJson.Options)!;

    private static string Status(DeskDeliveryStatus status) => Prefix + JsonSerializer.Serialize(status, StateJson.Options).Trim('"');
}
