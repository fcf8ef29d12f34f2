using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The queue of handed-over cases: one row per case in the desk's table (<see cref="DeskTable"/>), where the state is,
/// found by a query, so however many customers hand over at once, every case is listed, by every instance. A case
/// handed over is written with the customer's turn; a colleague's action changes the case from the version it read
/// (so of several agents exactly one takes it) and queues what the customer hears of it in the same commit. The
/// expected wait comes from the waits of recent handoffs, smoothed, never invented.
/// </summary>
public sealed class HandoffDesk(DeskTable table, TimeProvider time)
{
    private const int WaitsKept = 20;
    private const int MaxAttempts = 8;

    /// <summary>Raised with a case id whenever a case is opened or changes, once that is committed (the agent console listens).</summary>
    public event Action<string>? Changed;

    /// <summary>
    /// Puts a case in the queue with the customer's turn (in its commit; the consoles hear of it once the turn is
    /// durable); returns its place among those waiting (1 = next).
    /// </summary>
    public async Task<int> OpenAsync(TurnContext context, SupportCase supportCase, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        var deskCase = new DeskCase { CaseId = supportCase.CaseId, Case = supportCase, Reference = reference, CreatedAt = time.GetUtcNow() };
        context.WriteDesk(Row(deskCase, version: 0));
        context.OnCommitted(() => Changed?.Invoke(deskCase.CaseId));
        var ahead = (await OpenCasesAsync(cancellationToken).ConfigureAwait(false)).Count(c => c.Status == CaseStatus.Waiting && c.CaseId != deskCase.CaseId);
        return ahead + 1;
    }

    /// <summary>
    /// Changes a case with the customer's turn (in its commit, from the version read: when a colleague changed it
    /// meanwhile, the turn runs again); <paramref name="change"/> returns null to leave it.
    /// </summary>
    public async Task<DeskCase?> UpdateAsync(TurnContext context, string caseId, Func<DeskCase, DeskCase?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        if ((context.Desk.FirstOrDefault(r => r.CaseId == caseId) ?? await table.GetAsync(caseId, cancellationToken).ConfigureAwait(false)) is not { } row)
        {
            return null;
        }

        if (change(Read(row)) is not { } changed)
        {
            return Read(row);
        }

        context.WriteDesk(Row(changed, row.Version));
        context.OnCommitted(() => Changed?.Invoke(caseId));
        return changed;
    }

    /// <summary>One case, or null.</summary>
    public async Task<DeskCase?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        await table.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is { } row ? Read(row) : null;

    /// <summary>The open cases (waiting, callback, with an agent), oldest first.</summary>
    public async Task<IReadOnlyList<DeskCase>> OpenCasesAsync(CancellationToken cancellationToken) =>
        [.. (await table.OpenAsync(cancellationToken).ConfigureAwait(false)).Select(Read)];

    /// <summary>The case's place among those waiting (1 = next), or 0 when it is not waiting.</summary>
    public async Task<int> PositionAsync(string caseId, CancellationToken cancellationToken)
    {
        var waiting = (await OpenCasesAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Status == CaseStatus.Waiting).ToList();
        return waiting.FindIndex(c => c.CaseId == caseId) + 1;
    }

    /// <summary>Gives the case to <paramref name="agentLogin"/> if nobody has it yet; of agents accepting at once, exactly one wins.</summary>
    public async Task<(AcceptOutcome Outcome, DeskCase? Case)> AcceptAsync(string caseId, string agentLogin, string agentName, CancellationToken cancellationToken)
    {
        var (outcome, deskCase, _) = await AcceptAsync(caseId, agentLogin, agentName, then: null, tell: null, cancellationToken).ConfigureAwait(false);
        return (outcome, deskCase);
    }

    /// <summary>
    /// A colleague's action that takes the case: gives it to <paramref name="agentLogin"/> if nobody has it yet (of
    /// agents accepting at once, exactly one wins), applies <paramref name="then"/> (a decision closing it) when it is
    /// theirs, and queues <paramref name="tell"/> for the customer in the same commit. Returns the delivery queued (null
    /// when nothing changed: the case was theirs already, another's, or closed).
    /// </summary>
    public async Task<(AcceptOutcome Outcome, DeskCase? Case, DeskDelivery? Delivery)> AcceptAsync(
        string caseId, string agentLogin, string agentName, Func<DeskCase, DeskCase>? then, (string Name, DeskEventValue Value)? tell, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (current, changed, delivery) = await ChangeAsync(caseId, c =>
        {
            if (c.Status == CaseStatus.Closed || (c.AgentLogin is not null && (c.AgentLogin != agentLogin || then is null)))
            {
                return null;
            }

            var taken = c.AgentLogin is null ? c with { AgentLogin = agentLogin, AgentName = agentName, Status = CaseStatus.WithAgent, AcceptedAt = now } : c;
            return then is null ? taken : then(taken);
        }, tell, cancellationToken).ConfigureAwait(false);
        var outcome = current is null || (!changed && current.Status == CaseStatus.Closed) ? AcceptOutcome.NotFound
            : changed || current.AgentLogin == agentLogin ? AcceptOutcome.Accepted
            : AcceptOutcome.TakenByAnother;
        return (outcome, current, delivery);
    }

    /// <summary>
    /// A desk action on a case (not a turn): <paramref name="change"/> gets the case as it stands and returns it
    /// changed, or null to leave it; when someone changed it first it is read and changed again. What the customer
    /// hears of it (<paramref name="tell"/>) is queued in the same commit, to be delivered from the outbox. Returns the
    /// case as it now stands (null when there is none), whether it changed, and the delivery queued.
    /// </summary>
    public async Task<(DeskCase? Case, bool Changed, DeskDelivery? Delivery)> ChangeAsync(string caseId, Func<DeskCase, DeskCase?> change, (string Name, DeskEventValue Value)? tell, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            if (await table.GetAsync(caseId, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                return (null, false, null);
            }

            var current = Read(row);
            if (change(current) is not { } changed)
            {
                return (current, false, null);
            }

            DeskDelivery? delivery = null;
            List<OutboxRow> entries = [];
            if (tell is { } told)
            {
                (delivery, var entry) = DeskDeliveries.New(caseId, changed.Reference, told.Name, told.Value with { CaseId = caseId }, time.GetUtcNow());
                entries.Add(entry);
            }

            try
            {
                await table.WriteAsync(Row(changed, row.Version), entries, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone changed the case first: another agent took it, or only a queue update touched it. Look again.
                continue;
            }

            Changed?.Invoke(caseId);
            return (changed, true, delivery);
        }
    }

    /// <summary>The expected wait for the case at <paramref name="position"/>, from recent handoffs' waits.</summary>
    public async Task<WaitEstimate> EstimateAsync(int position, CancellationToken cancellationToken)
    {
        var waits = (await table.AcceptedAsync(WaitsKept, cancellationToken).ConfigureAwait(false))
            .Select(r => Math.Max(0, (r.Accepted!.Value - r.Created).TotalSeconds))
            .ToList();
        if (waits.Count == 0)
        {
            return new WaitEstimate(0, 0, 0);
        }

        // Exponentially smoothed, the newest weighing most; the range widens while there are few handoffs to go on.
        var smoothed = waits[0];
        foreach (var wait in waits.Skip(1))
        {
            smoothed = (0.3 * wait) + (0.7 * smoothed);
        }

        var perPlace = smoothed / 60 * Math.Max(1, position);
        var spread = waits.Count < 5 ? 0.5 : 0.25;
        var low = Math.Max(1, (int)Math.Floor(perPlace * (1 - spread)));
        var high = Math.Max(low, (int)Math.Ceiling(perPlace * (1 + spread)));
        return new WaitEstimate(low, high, waits.Count);
    }

    private static DeskCase Read(DeskRow row) => JsonSerializer.Deserialize<DeskCase>(row.Json, StateJson.Options)!;

    private static DeskRow Row(DeskCase deskCase, long version) =>
        new(deskCase.CaseId, JsonSerializer.Serialize(deskCase.Status, StateJson.Options).Trim('"'), deskCase.CreatedAt, deskCase.AcceptedAt, JsonSerializer.Serialize(deskCase, StateJson.Options)) { Version = version };
}
