namespace SupportBot.Core.State;

/// <summary>
/// The outbox, where the state is: a table of the SQLite file or of the PostgreSQL database (written by
/// <see cref="TurnStore"/> in the turn's own transaction), or memory. Entries are changed only through
/// <see cref="UpdateAsync"/>, which refuses a stale version, so an entry is carried out by one writer at a time.
/// </summary>
public abstract class Outbox
{
    /// <summary>How many entries a listing returns at most.</summary>
    public const int Batch = 100;

    private const int MaxAttempts = 8;

    /// <summary>
    /// Adds entries outside a turn (a store that commits turns in one transaction adds a turn's own there). An entry
    /// whose id is already there replaces it (a case's check-in scheduled again).
    /// </summary>
    public abstract Task AddAsync(IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken);

    /// <summary>One entry, or null.</summary>
    public abstract Task<OutboxRow?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>A case's entries, oldest first.</summary>
    public abstract Task<IReadOnlyList<OutboxRow>> ForCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The newest entries (at most <see cref="Batch"/>) whose status is one of <paramref name="statuses"/>, newest first.</summary>
    public abstract Task<IReadOnlyList<OutboxRow>> WithStatusAsync(IReadOnlyCollection<string> statuses, CancellationToken cancellationToken);

    /// <summary>The entries due at <paramref name="now"/> (at most <see cref="Batch"/>), soonest first.</summary>
    public abstract Task<IReadOnlyList<OutboxRow>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the entry with <paramref name="row"/> if it is still at <see cref="OutboxRow.Version"/>; returns it
    /// with its new version, or null when someone changed it first (or it does not exist).
    /// </summary>
    public abstract Task<OutboxRow?> UpdateAsync(OutboxRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Changes an entry: <paramref name="change"/> gets it as it stands and returns it changed, or null to leave it;
    /// when someone else changed it first, it is read and changed again. Returns the entry as it now stands (null when
    /// there is none) and whether it changed.
    /// </summary>
    public async Task<(OutboxRow? Row, bool Changed)> ChangeAsync(string id, Func<OutboxRow, OutboxRow?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                return (null, false);
            }

            if (change(row) is not { } changed)
            {
                return (row, false);
            }

            if (await UpdateAsync(changed with { Version = row.Version }, cancellationToken).ConfigureAwait(false) is { } updated)
            {
                return (updated, true);
            }

            if (attempt >= MaxAttempts)
            {
                throw new StorageConcurrencyException(id);
            }
        }
    }

    /// <summary>
    /// How long to wait before trying an entry again after <paramref name="attempts"/> tries: <paramref name="first"/>
    /// seconds, twice as long after each further one, ±20%, never sooner than <paramref name="atLeast"/>, at most
    /// <paramref name="max"/> seconds.
    /// </summary>
    public static TimeSpan Backoff(int attempts, double first, double max, TimeSpan? atLeast = null)
    {
        var seconds = first * Math.Pow(2, Math.Max(0, attempts - 1)) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        seconds = Math.Max(seconds, atLeast?.TotalSeconds ?? 0);
        return TimeSpan.FromSeconds(Math.Min(seconds, max));
    }

    /// <summary>The outbox in memory (lost on exit), for <c>Storage:Provider=Memory</c> and tests.</summary>
    public static Outbox InMemory() => new MemoryOutbox();

    /// <summary>The outbox in <paramref name="database"/>'s <c>outbox</c> table.</summary>
    public static Outbox InSqlite(SqliteDatabase database) => new SqliteOutbox(database);

    /// <summary>The outbox in a PostgreSQL database's <c>outbox</c> table (shared by several instances).</summary>
    public static Outbox InPostgres(PostgresDatabase database) => new PostgresOutbox(database);
}
