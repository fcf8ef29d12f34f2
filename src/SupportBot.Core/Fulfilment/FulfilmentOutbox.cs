using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// The actions in the outbox, typed: a turn queues one with <see cref="Row"/> (committed with it), and from then on
/// it changes only through <see cref="ChangeAsync"/>, which reads, changes and writes it back from the version it
/// read, again when someone else changed it first: a delivery, a callback and a colleague never overwrite each other.
/// The outbox holds other entries too (the desk's messages, check-ins); only actions are read here.
/// </summary>
public sealed class FulfilmentOutbox(Outbox outbox)
{
    /// <summary>The statuses of actions not yet done.</summary>
    public static IReadOnlyCollection<string> OpenStatuses { get; } = [Status(FulfilmentStatus.Delivering), Status(FulfilmentStatus.Accepted), Status(FulfilmentStatus.WithColleague)];

    private static readonly HashSet<string> Statuses = [.. Enum.GetValues<FulfilmentStatus>().Select(Status)];

    /// <summary>Raised with an action's delivery id whenever one changes (the agent console listens).</summary>
    public event Action<string>? Changed;

    /// <summary>The outbox entry for a new action, due at <paramref name="due"/> (null: nothing to do until someone acts).</summary>
    public static OutboxRow Row(FulfilmentAction action, DateTimeOffset? due)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new OutboxRow(action.DeliveryId, action.CaseId, Status(action.Status), due, action.CreatedAt, JsonSerializer.Serialize(action, StateJson.Options));
    }

    /// <summary>Whether an outbox entry is an action (the outbox holds other things too).</summary>
    public static bool Holds(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Statuses.Contains(row.Status);
    }

    /// <summary>The action an outbox entry holds.</summary>
    public static FulfilmentAction Read(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<FulfilmentAction>(row.Json, StateJson.Options)!;
    }

    public async Task<FulfilmentAction?> GetAsync(string deliveryId, CancellationToken cancellationToken) =>
        await outbox.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is { } row && Holds(row) ? Read(row) : null;

    /// <summary>A case's actions, oldest first.</summary>
    public async Task<IReadOnlyList<FulfilmentAction>> ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        [.. (await outbox.ForCaseAsync(caseId, cancellationToken).ConfigureAwait(false)).Where(Holds).Select(Read)];

    /// <summary>The newest actions not yet done (waiting for the webhook, its callback, or a colleague).</summary>
    public async Task<IReadOnlyList<FulfilmentAction>> OpenAsync(CancellationToken cancellationToken) =>
        [.. (await outbox.WithStatusAsync(OpenStatuses, cancellationToken).ConfigureAwait(false)).Select(Read)];

    /// <summary>The actions due at <paramref name="now"/>: to send, overdue for a callback, or to tell the customer about.</summary>
    public async Task<IReadOnlyList<FulfilmentAction>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await outbox.DueAsync(now, cancellationToken).ConfigureAwait(false)).Where(Holds).Select(Read)];

    /// <summary>
    /// Changes an action: <paramref name="change"/> gets the current one and when it is due, and returns it changed with
    /// when it is next due, or null to leave it. Returns the action as it now stands (changed or not), or null when there is none.
    /// </summary>
    public async Task<(FulfilmentAction? Action, bool Changed)> ChangeAsync(string deliveryId, Func<FulfilmentAction, DateTimeOffset?, (FulfilmentAction Action, DateTimeOffset? Due)?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (row, changed) = await outbox.ChangeAsync(deliveryId, row =>
        {
            if (!Holds(row) || change(Read(row), row.Due) is not { } next)
            {
                return null;
            }

            return row with { Status = Status(next.Action.Status), Due = next.Due, Json = JsonSerializer.Serialize(next.Action, StateJson.Options) };
        }, cancellationToken).ConfigureAwait(false);
        if (row is null || !Holds(row))
        {
            return (null, false);
        }

        if (changed)
        {
            Changed?.Invoke(deliveryId);
        }

        return (Read(row), changed);
    }

    /// <summary>
    /// A change of an action for a turn to commit (<see cref="Bot.OutboxDispatch"/>): <paramref name="change"/> applied
    /// to the action as it now stands, as an entry at the version it was read at, so the turn is refused should anyone
    /// change the action before it commits. Null when the change leaves it (or there is none). Once the turn is
    /// committed, <see cref="Announce"/> tells the listeners.
    /// </summary>
    public async Task<(OutboxRow Row, FulfilmentAction Action)?> ChangeInTurnAsync(string deliveryId, Func<FulfilmentAction, DateTimeOffset?, (FulfilmentAction Action, DateTimeOffset? Due)?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await outbox.GetAsync(deliveryId, cancellationToken).ConfigureAwait(false) is not { } row || !Holds(row) || change(Read(row), row.Due) is not { } next)
        {
            return null;
        }

        return (row with { Status = Status(next.Action.Status), Due = next.Due, Json = JsonSerializer.Serialize(next.Action, StateJson.Options) }, next.Action);
    }

    /// <summary>Tells the listeners (<see cref="Changed"/>) that a turn committed a change of the action.</summary>
    public void Announce(string deliveryId) => Changed?.Invoke(deliveryId);

    private static string Status(FulfilmentStatus status) => JsonSerializer.Serialize(status, StateJson.Options).Trim('"');
}
