using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;
using SupportBot.Core.Support;

namespace SupportBot.Core.Handoff;

/// <summary>Where a handed-over case stands.</summary>
public static class CaseStatus
{
    /// <summary>In the queue, waiting for a colleague.</summary>
    public const string Waiting = "waiting";

    /// <summary>No colleague was available; the customer left a way to be contacted.</summary>
    public const string Callback = "callback";

    /// <summary>A colleague took it and is in the conversation.</summary>
    public const string WithAgent = "with-agent";

    /// <summary>Finished: the colleague decided, handed back to the bot, or closed it.</summary>
    public const string Closed = "closed";
}

/// <summary>A handed-over case as the desk keeps it: the brief, where to reach the customer, and who has it.</summary>
public sealed record DeskCase
{
    public required string CaseId { get; init; }

    public required CaseSummary Summary { get; init; }

    /// <summary>The customer's conversation, to reach them later.</summary>
    public required ConversationReference Reference { get; init; }

    public string Status { get; init; } = CaseStatus.Waiting;

    /// <summary>The colleague's sign-in name and display name once accepted.</summary>
    public string? AgentLogin { get; init; }

    public string? AgentName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How to reach the customer when nobody was available.</summary>
    public string? CallbackContact { get; init; }

    /// <summary>What the colleague decided or noted, in order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The Teams card announcing the case in the agents' channel, to update when someone takes it.</summary>
    public string? TeamsCardId { get; init; }

    /// <summary>What the Teams card shows now ("waiting", the agent's name, "closed"), so it is updated only on a change.</summary>
    public string? TeamsCardState { get; init; }

    /// <summary>When the customer last heard about the queue.</summary>
    public DateTimeOffset? LastUpdateAt { get; init; }
}

/// <summary>The outcome of an agent's accept.</summary>
public enum AcceptOutcome
{
    Accepted,
    TakenByAnother,
    NotFound,
}

/// <summary>An expected wait in whole minutes, as a range; <see cref="Samples"/> handoffs it is based on (0: no basis yet).</summary>
public sealed record WaitEstimate(int LowMinutes, int HighMinutes, int Samples)
{
    /// <summary>"about 3 to 5 minutes", "about 4 minutes", or null when there is nothing to base it on.</summary>
    public string? Describe() => Samples == 0
        ? null
        : LowMinutes == HighMinutes
            ? $"about {Minutes(LowMinutes)}"
            : $"about {LowMinutes} to {Minutes(HighMinutes)}";

    private static string Minutes(int n) => n == 1 ? "1 minute" : $"{n} minutes";
}

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
    public async Task<int> OpenAsync(CaseSummary summary, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var deskCase = new DeskCase { CaseId = summary.CaseId, Summary = summary, Reference = reference, CreatedAt = _time.GetUtcNow() };
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
