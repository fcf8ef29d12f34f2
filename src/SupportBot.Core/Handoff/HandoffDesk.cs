using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The queue of handed-over cases, kept in the bot's <see cref="IStorage"/> (so in the same SQLite file, durable),
/// with ETags making every change safe between several agents: a case goes to exactly one of them. The expected
/// wait comes from the waits of recent handoffs, smoothed, never invented.
/// </summary>
public sealed class HandoffDesk
{
    private const string IndexKey = "desk/open";
    private const string WaitsKey = "desk/waits";
    private const int WaitsKept = 20;
    private const int MaxAttempts = 8;
    private readonly IStorage _storage;
    private readonly TimeProvider _time;

    public HandoffDesk(IStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Raised with a case id whenever a case is opened or changes (the agent console listens).</summary>
    public event Action<string>? Changed;

    /// <summary>Puts a case in the queue; returns its place (1 = next).</summary>
    public async Task<int> OpenAsync(SupportCase supportCase, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var deskCase = new DeskCase { CaseId = supportCase.CaseId, Case = supportCase, Reference = reference, CreatedAt = _time.GetUtcNow() };
        await _storage.WriteAsync(new Dictionary<string, StoreItem> { [CaseKey(deskCase.CaseId)] = Item(deskCase, null) }, cancellationToken).ConfigureAwait(false);
        await ChangeIndexAsync(ids => ids.Contains(deskCase.CaseId) ? null : [.. ids, deskCase.CaseId], cancellationToken).ConfigureAwait(false);
        Changed?.Invoke(deskCase.CaseId);
        return await PositionAsync(deskCase.CaseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One case, or null.</summary>
    public async Task<DeskCase?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        (await ReadCaseAsync(caseId, cancellationToken).ConfigureAwait(false)).Case;

    /// <summary>The open cases (waiting, callback, with an agent), oldest first.</summary>
    public async Task<IReadOnlyList<DeskCase>> OpenCasesAsync(CancellationToken cancellationToken)
    {
        var (ids, _) = await ReadListAsync<string>(IndexKey, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            return [];
        }

        var items = await _storage.ReadAsync([.. ids.Select(CaseKey)], cancellationToken).ConfigureAwait(false);
        return [.. items.Values.Select(i => JsonSerializer.Deserialize<DeskCase>(i.Json, StateJson.Options)!).Where(c => c.Status != CaseStatus.Closed).OrderBy(c => c.CreatedAt)];
    }

    /// <summary>The case's place among those waiting (1 = next), or 0 when it is not waiting.</summary>
    public async Task<int> PositionAsync(string caseId, CancellationToken cancellationToken)
    {
        var waiting = (await OpenCasesAsync(cancellationToken).ConfigureAwait(false)).Where(c => c.Status == CaseStatus.Waiting).ToList();
        return waiting.FindIndex(c => c.CaseId == caseId) + 1;
    }

    /// <summary>Gives the case to <paramref name="agentLogin"/> if nobody has it yet; of agents accepting at once, exactly one wins.</summary>
    public async Task<(AcceptOutcome Outcome, DeskCase? Case)> AcceptAsync(string caseId, string agentLogin, string agentName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Status == CaseStatus.Closed)
            {
                return (AcceptOutcome.NotFound, current);
            }

            if (current.AgentLogin is not null)
            {
                return (current.AgentLogin == agentLogin ? AcceptOutcome.Accepted : AcceptOutcome.TakenByAnother, current);
            }

            var now = _time.GetUtcNow();
            var accepted = current with { AgentLogin = agentLogin, AgentName = agentName, Status = CaseStatus.WithAgent, AcceptedAt = now };
            try
            {
                await _storage.WriteAsync(new Dictionary<string, StoreItem> { [CaseKey(caseId)] = Item(accepted, etag) }, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone changed the case first: another agent took it, or only a queue update touched it. Look again.
                continue;
            }

            await RecordWaitAsync(now - current.CreatedAt, cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(caseId);
            return (AcceptOutcome.Accepted, accepted);
        }
    }

    /// <summary>Changes a case (retrying on concurrent changes); <paramref name="change"/> returns null to leave it. Closed cases leave the queue.</summary>
    public async Task<DeskCase?> UpdateAsync(string caseId, Func<DeskCase, DeskCase?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var (current, etag) = await ReadCaseAsync(caseId, cancellationToken).ConfigureAwait(false);
            if (current is null || change(current) is not { } changed)
            {
                return current;
            }

            try
            {
                await _storage.WriteAsync(new Dictionary<string, StoreItem> { [CaseKey(caseId)] = Item(changed, etag) }, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (changed.Status == CaseStatus.Closed)
            {
                await ChangeIndexAsync(ids => ids.Contains(caseId) ? [.. ids.Where(id => id != caseId)] : null, cancellationToken).ConfigureAwait(false);
            }

            Changed?.Invoke(caseId);
            return changed;
        }
    }

    /// <summary>The expected wait for the case at <paramref name="position"/>, from recent handoffs' waits.</summary>
    public async Task<WaitEstimate> EstimateAsync(int position, CancellationToken cancellationToken)
    {
        var (waits, _) = await ReadListAsync<double>(WaitsKey, cancellationToken).ConfigureAwait(false);
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

    private Task RecordWaitAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        ChangeListAsync<double>(WaitsKey, waits => [.. waits.Append(Math.Max(0, wait.TotalSeconds)).TakeLast(WaitsKept)], cancellationToken);

    private Task ChangeIndexAsync(Func<List<string>, List<string>?> change, CancellationToken cancellationToken) =>
        ChangeListAsync(IndexKey, change, cancellationToken);

    /// <summary>Changes a list kept as one storage item, retrying when another writer changed it first (ETag).</summary>
    private async Task ChangeListAsync<T>(string key, Func<List<T>, List<T>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (list, etag) = await ReadListAsync<T>(key, cancellationToken).ConfigureAwait(false);
            if (change(list) is not { } changed)
            {
                return;
            }

            try
            {
                await _storage.WriteAsync(new Dictionary<string, StoreItem> { [key] = new(JsonSerializer.Serialize(changed, StateJson.Options), etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<(List<T> List, string? ETag)> ReadListAsync<T>(string key, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? (JsonSerializer.Deserialize<List<T>>(item.Json, StateJson.Options)!, item.ETag) : ([], null);
    }

    private async Task<(DeskCase? Case, string? ETag)> ReadCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        var items = await _storage.ReadAsync([CaseKey(caseId)], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(CaseKey(caseId), out var item) ? (JsonSerializer.Deserialize<DeskCase>(item.Json, StateJson.Options), item.ETag) : (null, null);
    }

    private static StoreItem Item(DeskCase deskCase, string? etag) => new(JsonSerializer.Serialize(deskCase, StateJson.Options), etag);

    private static string CaseKey(string caseId) => "desk/case/" + caseId;
}
