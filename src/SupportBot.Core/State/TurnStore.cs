using SupportBot.Core.Insight;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.State;

/// <summary>
/// Commits a turn (<see cref="TurnWrite"/>): in SQLite and PostgreSQL, its state, transcript, outbox entries and desk
/// rows in one transaction, so an entry in the outbox or a case on the desk means its turn happened, and a turn that
/// fails anywhere (a stale ETag or version, a failing write) leaves nothing behind. In memory (and over any other
/// <see cref="IStorage"/>) the state is written first, so a refusal of the state still leaves nothing else written;
/// the desk's rows are written last. In PostgreSQL, which several instances share, it also holds a conversation
/// against the turns other instances run (<see cref="HoldAsync"/>).
/// </summary>
public abstract class TurnStore
{
    /// <summary>Commits <paramref name="write"/> and returns the state keys' new ETags; throws <see cref="StorageConcurrencyException"/> with nothing written.</summary>
    public abstract Task<IReadOnlyDictionary<string, string>> CommitAsync(TurnWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until no other process sharing this store runs a turn of the conversation <paramref name="key"/>, and
    /// keeps it so until the result is disposed; null when the store has only one process (memory, SQLite), where
    /// the adapter's own lock is enough.
    /// </summary>
    public virtual ValueTask<IAsyncDisposable?> HoldAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable?>(null);

    /// <summary>The state, then the transcript, the outbox, the desk and the facts (when given <paramref name="insight"/>): for memory, and stores without transactions across them.</summary>
    public static TurnStore Sequential(IStorage storage, ITranscriptStore transcripts, Outbox? outbox, DeskTable? desk = null, InsightStore? insight = null) => new SequentialTurnStore(storage, transcripts, outbox, desk, insight);

    /// <summary>
    /// One transaction of <paramref name="database"/>'s group commit. Given the file's dashboard
    /// (<see cref="InsightStore.InSqlite"/>), the turn's facts are handed to it once the turn is committed, to be written
    /// with those of the turns around it; without it, they are written in the turn's transaction.
    /// </summary>
    public static TurnStore InSqlite(SqliteDatabase database, InsightStore? insight = null) => insight is { KeepsFacts: false }
        ? throw new ArgumentException("Only the SQLite file's dashboard (InsightStore.InSqlite) takes a turn's facts after its commit.", nameof(insight))
        : new SqliteTurnStore(database, insight);

    /// <summary>One PostgreSQL transaction.</summary>
    public static TurnStore InPostgres(PostgresDatabase database) => new PostgresTurnStore(database);

    private static readonly IReadOnlyDictionary<string, string> NoETags = new Dictionary<string, string>();

    private sealed class SequentialTurnStore(IStorage storage, ITranscriptStore transcripts, Outbox? outbox, DeskTable? desk, InsightStore? insight) : TurnStore
    {
        public override async Task<IReadOnlyDictionary<string, string>> CommitAsync(TurnWrite write, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(write);
            if ((write.Outbox.Count > 0 && outbox is null) || (write.Desk.Count > 0 && desk is null))
            {
                throw new InvalidOperationException("The turn queued outbox entries or desk rows, but this store has no outbox or desk.");
            }

            // An entry changed from a version no longer current refuses the turn before anything of it is written.
            foreach (var row in write.Outbox)
            {
                if (row.Version > 0 && (await outbox!.GetAsync(row.Id, cancellationToken).ConfigureAwait(false))?.Version != row.Version)
                {
                    throw new StorageConcurrencyException(row.Id);
                }
            }

            var etags = write.State.Count > 0 ? await storage.WriteAsync(write.State, cancellationToken).ConfigureAwait(false) : NoETags;
            await transcripts.LogActivitiesAsync(write.ChannelId, write.ConversationId, write.Activities, cancellationToken).ConfigureAwait(false);
            if (write.Outbox.Count > 0)
            {
                await outbox!.AddAsync(write.Outbox, cancellationToken).ConfigureAwait(false);
            }

            if (write.Desk.Count > 0)
            {
                await desk!.WriteAsync(write.Desk, [], cancellationToken).ConfigureAwait(false);
            }

            if (write.Facts is not null && insight is not null)
            {
                await insight.AddAsync(write.Facts, cancellationToken).ConfigureAwait(false);
            }

            return etags;
        }
    }

    private sealed class SqliteTurnStore(SqliteDatabase database, InsightStore? insight) : TurnStore
    {
        public override async Task<IReadOnlyDictionary<string, string>> CommitAsync(TurnWrite write, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(write);
            var rows = SqliteTranscriptStore.Rows(write.Activities);
            var conversation = SqliteTranscriptStore.Key(write.ChannelId, write.ConversationId);
            var etags = await database.WriteAsync(session =>
            {
                // Anything that throws here (a stale ETag or desk version, a write SQLite refuses) undoes all of this
                // job's writes: the job runs in a savepoint of its own.
                var etags = write.State.Count > 0 ? SqliteStorage.Write(session, write.State) : NoETags;
                SqliteTranscriptStore.Append(session, conversation, rows);
                SqliteOutbox.Add(session, write.Outbox);
                SqliteDeskTable.Write(session, write.Desk);
                if (insight is null)
                {
                    InsightStore.Write(session, write.Facts);
                }

                return etags;
            }, cancellationToken).ConfigureAwait(false);
            if (insight is not null && write.Facts is not null)
            {
                insight.Record(write.Facts);
            }

            return etags;
        }
    }

    private sealed class PostgresTurnStore(PostgresDatabase database) : TurnStore
    {
        public override async Task<IReadOnlyDictionary<string, string>> CommitAsync(TurnWrite write, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(write);
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var etags = write.State.Count > 0 ? await PostgresStorage.WriteAsync(connection, transaction, write.State, cancellationToken).ConfigureAwait(false) : NoETags;
            await PostgresTranscriptStore.AppendAsync(connection, transaction, write.ChannelId, write.ConversationId, write.Activities, cancellationToken).ConfigureAwait(false);
            await PostgresOutbox.AddAsync(connection, transaction, write.Outbox, cancellationToken).ConfigureAwait(false);
            await PostgresDeskTable.WriteAsync(connection, transaction, write.Desk, cancellationToken).ConfigureAwait(false);
            await InsightStore.WriteAsync(connection, transaction, write.Facts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return etags;
        }

        public override ValueTask<IAsyncDisposable?> HoldAsync(string key, CancellationToken cancellationToken) => PostgresConversationLock.AcquireAsync(database, key, cancellationToken);
    }
}
