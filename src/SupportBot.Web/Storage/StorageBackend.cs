using SupportBot.Core.Insight;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Web.Storage;

/// <summary>
/// One storage provider's services, made together over one database: conversation and user state, transcripts, the
/// outbox (with the follow-up check-ins), the desk's cases, and how a turn commits them together. Disposing it closes
/// the database (a SQLite file's pending writes are flushed first).
/// </summary>
public sealed record StorageBackend(IStorage Storage, ITranscriptStore Transcripts, Outbox Outbox, DeskTable Desk, TurnStore Turns, IAsyncDisposable? Database) : IAsyncDisposable
{
    /// <summary>The dashboard's facts, which each turn records (in SQLite, written a moment after the turn).</summary>
    public required InsightStore Insight { get; init; }

    /// <summary>Opens the backend <paramref name="options"/> name; a SQLite file lives under <paramref name="root"/>.</summary>
    public static StorageBackend Open(StorageOptions options, string root)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case StorageProvider.Memory:
                var storage = new MemoryStorage();
                var transcripts = new MemoryTranscriptStore();
                var outbox = Outbox.InMemory();
                var desk = DeskTable.InMemory(outbox);
                var insight = InsightStore.InMemory();
                return new StorageBackend(storage, transcripts, outbox, desk, TurnStore.Sequential(storage, transcripts, outbox, desk, insight), Database: null) { Insight = insight };
            case StorageProvider.Postgres:
                var postgres = new PostgresDatabase(options.ConnectionString);
                return new StorageBackend(new PostgresStorage(postgres), new PostgresTranscriptStore(postgres), Outbox.InPostgres(postgres), DeskTable.InPostgres(postgres), TurnStore.InPostgres(postgres), postgres) { Insight = InsightStore.InPostgres(postgres) };
            case StorageProvider.Sqlite:
                var sqlite = new SqliteDatabase(Path.Combine(root, options.DataDirectory, "supportbot.db"));
                var facts = InsightStore.InSqlite(sqlite);
                return new StorageBackend(new SqliteStorage(sqlite), new SqliteTranscriptStore(sqlite), Outbox.InSqlite(sqlite), DeskTable.InSqlite(sqlite), TurnStore.InSqlite(sqlite, facts), sqlite) { Insight = facts };
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Storage:Provider must be Sqlite, Postgres or Memory.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The dashboard's facts still waiting to be written go first.
        await Insight.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        if (Database is not null)
        {
            await Database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
