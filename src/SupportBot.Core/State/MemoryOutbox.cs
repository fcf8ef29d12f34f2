namespace SupportBot.Core.State;

/// <summary>The outbox in memory.</summary>
internal sealed class MemoryOutbox : Outbox
{
    private readonly Dictionary<string, OutboxRow> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public override Task AddAsync(IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_lock)
        {
            // All or nothing: a row at a version that is no longer current refuses them all.
            if (rows.FirstOrDefault(r => r.Version > 0 && _rows.GetValueOrDefault(r.Id)?.Version != r.Version) is { } stale)
            {
                throw new StorageConcurrencyException(stale.Id);
            }

            foreach (var row in rows)
            {
                _rows[row.Id] = row with { Version = (row.Version > 0 ? row.Version : _rows.GetValueOrDefault(row.Id)?.Version ?? 0) + 1 };
            }
        }

        return Task.CompletedTask;
    }

    public override Task<OutboxRow?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(id));
        }
    }

    public override Task<IReadOnlyList<OutboxRow>> ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        Select(rows => rows.Where(r => r.CaseId == caseId).OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal));

    public override Task<IReadOnlyList<OutboxRow>> WithStatusAsync(IReadOnlyCollection<string> statuses, CancellationToken cancellationToken) =>
        Select(rows => rows.Where(r => statuses.Contains(r.Status)).OrderByDescending(r => r.Created).Take(Batch));

    public override Task<IReadOnlyList<OutboxRow>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Select(rows => rows.Where(r => r.Due <= now).OrderBy(r => r.Due).Take(Batch));

    public override Task<OutboxRow?> UpdateAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_lock)
        {
            if (!_rows.TryGetValue(row.Id, out var current) || current.Version != row.Version)
            {
                return Task.FromResult<OutboxRow?>(null);
            }

            var updated = row with { Version = row.Version + 1 };
            _rows[row.Id] = updated;
            return Task.FromResult<OutboxRow?>(updated);
        }
    }

    private Task<IReadOnlyList<OutboxRow>> Select(Func<IEnumerable<OutboxRow>, IEnumerable<OutboxRow>> query)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<OutboxRow>>([.. query(_rows.Values)]);
        }
    }
}
