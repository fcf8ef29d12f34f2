namespace SupportBot.Core.State;

/// <summary>The desk's cases in memory.</summary>
internal sealed class MemoryDeskTable(Outbox outbox) : DeskTable
{
    private readonly Dictionary<string, DeskRow> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public override Task<DeskRow?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(caseId));
        }
    }

    public override Task<IReadOnlyList<DeskRow>> OpenAsync(CancellationToken cancellationToken) =>
        Select(rows => rows.Where(r => r.Status != DeskRow.Closed).OrderBy(r => r.Created).ThenBy(r => r.CaseId, StringComparer.Ordinal));

    public override Task<IReadOnlyList<DeskRow>> AcceptedAsync(int count, CancellationToken cancellationToken) =>
        Select(rows => rows.Where(r => r.Accepted is not null).OrderBy(r => r.Accepted).TakeLast(count));

    internal override async Task<IReadOnlyList<DeskRow>> WriteAsync(IReadOnlyList<DeskRow> rows, IReadOnlyList<OutboxRow> entries, CancellationToken cancellationToken)
    {
        var written = new List<DeskRow>(rows.Count);
        lock (_lock)
        {
            foreach (var row in rows)
            {
                var current = _rows.GetValueOrDefault(row.CaseId);
                if (row.Version != 0 && current?.Version != row.Version)
                {
                    throw new StorageConcurrencyException(Key(row.CaseId));
                }
            }

            foreach (var row in rows)
            {
                var stored = row with { Version = (_rows.GetValueOrDefault(row.CaseId)?.Version ?? 0) + 1 };
                _rows[row.CaseId] = stored;
                written.Add(stored);
            }
        }

        if (entries.Count > 0)
        {
            await outbox.AddAsync(entries, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private Task<IReadOnlyList<DeskRow>> Select(Func<IEnumerable<DeskRow>, IEnumerable<DeskRow>> query)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeskRow>>([.. query(_rows.Values)]);
        }
    }
}
