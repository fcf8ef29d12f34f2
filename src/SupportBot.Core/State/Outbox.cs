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

    /// <summary>Adds entries outside a turn (a store that commits turns in one transaction adds a turn's own there).</summary>
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

    /// <summary>The outbox in memory (lost on exit), for <c>Storage:Provider=Memory</c> and tests.</summary>
    public static Outbox InMemory() => new MemoryOutbox();

    /// <summary>The outbox in <paramref name="database"/>'s <c>outbox</c> table.</summary>
    public static Outbox InSqlite(SqliteDatabase database) => new SqliteOutbox(database);

    /// <summary>The outbox in a PostgreSQL database's <c>outbox</c> table (shared by several instances).</summary>
    public static Outbox InPostgres(PostgresDatabase database) => new PostgresOutbox(database);
}
