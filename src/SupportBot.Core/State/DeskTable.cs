namespace SupportBot.Core.State;

/// <summary>
/// The desk's cases, one row each, where the state is: a table of the SQLite file or of the PostgreSQL database, or
/// memory. The open ones are found by a query, so any number of cases handed over at once are all listed, by every
/// instance sharing the database. A turn's rows are written by <see cref="TurnStore"/> in the turn's own
/// transaction; a desk action writes its row together with the outbox entries that tell the customer about it.
/// </summary>
public abstract class DeskTable
{
    /// <summary>One case's row, or null.</summary>
    public abstract Task<DeskRow?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The open cases (every status but closed), oldest first.</summary>
    public abstract Task<IReadOnlyList<DeskRow>> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The <paramref name="count"/> cases taken most recently, the newest last.</summary>
    public abstract Task<IReadOnlyList<DeskRow>> AcceptedAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="row"/> (from its <see cref="DeskRow.Version"/>) and adds <paramref name="outbox"/> in
    /// the same transaction; returns the row at its new version. Throws <see cref="StorageConcurrencyException"/>
    /// with nothing written when the row changed since it was read.
    /// </summary>
    public async Task<DeskRow> WriteAsync(DeskRow row, IReadOnlyList<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(outbox);
        return (await WriteAsync([row], outbox, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Writes <paramref name="rows"/> and adds <paramref name="outbox"/>, all or nothing (a turn's, in memory).</summary>
    internal abstract Task<IReadOnlyList<DeskRow>> WriteAsync(IReadOnlyList<DeskRow> rows, IReadOnlyList<OutboxRow> outbox, CancellationToken cancellationToken);

    /// <summary>The table in memory (lost on exit), writing its outbox entries to <paramref name="outbox"/>.</summary>
    public static DeskTable InMemory(Outbox outbox) => new MemoryDeskTable(outbox);

    /// <summary>The table <c>desk</c> of <paramref name="database"/>.</summary>
    public static DeskTable InSqlite(SqliteDatabase database) => new SqliteDeskTable(database);

    /// <summary>The table <c>desk</c> of a PostgreSQL database (shared by several instances).</summary>
    public static DeskTable InPostgres(PostgresDatabase database) => new PostgresDeskTable(database);

    /// <summary>The key a refused write names.</summary>
    internal static string Key(string caseId) => "desk/" + caseId;
}
