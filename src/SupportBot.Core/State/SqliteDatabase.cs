using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>
/// One SQLite file shared by <see cref="SqliteStorage"/>, <see cref="Transcripts.SqliteTranscriptStore"/>, the
/// outbox and the follow-up schedule; a turn's state, transcript and outbox entries go in one transaction.
/// Writes go through a single writer thread that commits whatever is queued in one transaction (group commit), and
/// every caller returns only once its transaction is durably on disk (WAL, <c>synchronous=FULL</c>). When a caller's
/// work fails, whatever it wrote is rolled back and the failure is its caller's alone, while the other callers'
/// writes in the same transaction are kept (the batch then runs again, each work in a savepoint of its own). Nothing
/// of a failed work is ever committed, however far it got.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly string _connectionString;
    private readonly Channel<WriteJob> _writes = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<SqliteSession> _readers = [];
    private readonly Thread _writer;

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var writer = Open();
        Execute(writer.Connection, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS transcript (
                id INTEGER PRIMARY KEY,
                conversation TEXT NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS transcript_by_conversation ON transcript (conversation, id);
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                status TEXT NOT NULL,
                due INTEGER,
                created INTEGER NOT NULL,
                version INTEGER NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_by_due ON outbox (due) WHERE due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS outbox_by_case ON outbox (case_id, created);
            CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox (status, created);
            CREATE TABLE IF NOT EXISTS desk (
                case_id TEXT PRIMARY KEY,
                status TEXT NOT NULL,
                created INTEGER NOT NULL,
                accepted INTEGER,
                version INTEGER NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS desk_open ON desk (created) WHERE status <> 'closed';
            CREATE INDEX IF NOT EXISTS desk_accepted ON desk (accepted) WHERE accepted IS NOT NULL;
            """);
        Upgrade(writer.Connection);
        Execute(writer.Connection, Insight.InsightSql.SqliteSchema);
        // The writer blocks in fsync; on its own thread it never starves the thread pool that serves requests.
        _writer = new Thread(() => WriteLoop(writer)) { IsBackground = true, Name = "SupportBot SQLite writer" };
        _writer.Start();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Runs <paramref name="work"/> inside the next group transaction and returns once it is committed. An exception
    /// it throws undoes all it wrote (its savepoint is rolled back) and is handed back to its caller alone, while the
    /// writes of the other callers in the same transaction are kept.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var job = new WriteJob<T>(work);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(job), this);

        return job.Completion.Task;
    }

    /// <summary>Runs a read on a pooled connection; it sees every committed write.</summary>
    internal T Read<T>(Func<SqliteSession, T> work)
    {
        if (!_readers.TryTake(out var session))
        {
            session = Open();
        }

        try
        {
            return work(session);
        }
        finally
        {
            _readers.Add(session);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await Task.Run(_writer.Join).ConfigureAwait(false);
        while (_readers.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private SqliteSession Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // A small page cache per connection: the rows a turn touches are few, and each connection has its own cache.
        // Each job's savepoint keeps the pages it changes in a statement journal: in memory, not in a temporary file
        // (which took two thirds of the bytes the writer wrote, and a third of the turns per second).
        Execute(connection, "PRAGMA busy_timeout=5000; PRAGMA cache_size=-512; PRAGMA temp_store=MEMORY;");
        return new SqliteSession(connection);
    }

    /// <summary>
    /// Moves what older versions kept elsewhere to where it is now, once: the desk's cases from single state items
    /// (<c>desk/case/…</c>, listed by <c>desk/open</c>) to rows of <c>desk</c>, and the follow-up check-ins from
    /// their own table to the outbox.
    /// </summary>
    private static void Upgrade(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var state = connection.CreateCommand())
        {
            // State was once kept WITHOUT ROWID: a conversation's state (a few kilobytes) then overflowed its page, so
            // every write freed and took overflow pages and every read followed them. A plain table keeps it in one page.
            state.Transaction = transaction;
            state.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'state'";
            if (state.ExecuteScalar() is string sql && sql.Contains("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase))
            {
                state.CommandText = """
                    CREATE TABLE state_rows (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL);
                    INSERT INTO state_rows (key, etag, json) SELECT key, etag, json FROM state;
                    DROP TABLE state;
                    ALTER TABLE state_rows RENAME TO state;
                    """;
                state.ExecuteNonQuery();
            }
        }

        using (var desk = connection.CreateCommand())
        {
            desk.Transaction = transaction;
            desk.CommandText = $"""
                INSERT OR IGNORE INTO desk (case_id, status, created, accepted, version, json)
                SELECT substr(key, 11), json_extract(json, '$.status'), {UnixMilliseconds("json_extract(json, '$.createdAt')")},
                       {UnixMilliseconds("json_extract(json, '$.acceptedAt')")}, 1, json
                FROM state WHERE key >= 'desk/case/' AND key < 'desk/case0' AND EXISTS (SELECT 1 FROM state WHERE key = 'desk/open');
                DELETE FROM state WHERE key >= 'desk/' AND key < 'desk0' AND EXISTS (SELECT 1 FROM state WHERE key = 'desk/open');
                """;
            desk.ExecuteNonQuery();
        }

        using (var followUps = connection.CreateCommand())
        {
            followUps.Transaction = transaction;
            followUps.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'followups'";
            if ((long)followUps.ExecuteScalar()! > 0)
            {
                followUps.CommandText = """
                    INSERT OR IGNORE INTO outbox (id, case_id, status, due, created, version, json)
                    SELECT 'followup-' || case_id, case_id, 'followup', due, due, 1, json FROM followups;
                    DROP TABLE followups;
                    """;
                followUps.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static string UnixMilliseconds(string isoTime) => $"CAST(round((julianday({isoTime}) - 2440587.5) * 86400000) AS INTEGER)";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void WriteLoop(SqliteSession session)
    {
        var batch = new List<WriteJob>(MaxBatch);
        try
        {
            while (_writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var job))
                {
                    batch.Add(job);
                }

                CommitBatch(session, batch);
                batch.Clear();
            }
        }
        finally
        {
            session.Dispose();
        }
    }

    private static void CommitBatch(SqliteSession session, List<WriteJob> batch)
    {
        // First every job runs straight in the transaction: a savepoint per job costs two statements and a copy of each
        // page the job changes (its statement journal), and jobs almost never fail. When one does, the transaction is
        // rolled back and the batch runs again with a savepoint per job, so the failure is that job's alone.
        try
        {
            session.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
            if (RunAll(session, batch) is { } failed)
            {
                Rollback(session);
                if (batch.Count == 1)
                {
                    failed.Complete();
                    return;
                }

                session.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
                foreach (var job in batch)
                {
                    job.RunInSavepoint(session);
                }
            }

            session.Command("COMMIT").ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            Abandon(session, batch, ex);
            return;
        }

        foreach (var job in batch)
        {
            job.Complete();
        }
    }

    /// <summary>Runs each job of <paramref name="batch"/> in the open transaction; returns the first that throws (which keeps its exception), or null.</summary>
    private static WriteJob? RunAll(SqliteSession session, List<WriteJob> batch)
    {
        foreach (var job in batch)
        {
            if (!job.Run(session))
            {
                return job;
            }
        }

        return null;
    }

    /// <summary>BEGIN or COMMIT itself failed, or the database refused a savepoint: the whole batch fails.</summary>
    private static void Abandon(SqliteSession session, List<WriteJob> batch, Exception ex)
    {
        Rollback(session);
        foreach (var job in batch)
        {
            job.Fail(ex);
        }
    }

    private static void Rollback(SqliteSession session)
    {
        try
        {
            session.Command("ROLLBACK").ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // No transaction left to roll back: the failure was in BEGIN or COMMIT itself, or SQLite rolled it back.
        }
    }

    private abstract class WriteJob
    {
        /// <summary>Runs the work in the open transaction; false when it threw (its exception is kept as its result).</summary>
        public abstract bool Run(SqliteSession session);

        /// <summary>Runs the work inside a savepoint of its own: should it throw, whatever it wrote is rolled back.</summary>
        public abstract void RunInSavepoint(SqliteSession session);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteJob<T>(Func<SqliteSession, T> work) : WriteJob
    {
        private T? _result;
        private Exception? _error;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Run(SqliteSession session)
        {
            try
            {
                _result = work(session);
                _error = null;
                return true;
            }
            catch (Exception ex)
            {
                _error = ex;
                return false;
            }
        }

        public override void RunInSavepoint(SqliteSession session)
        {
            session.Command("SAVEPOINT job").ExecuteNonQuery();
            if (!Run(session))
            {
                // Whatever the job wrote before it failed (a refused ETag, a constraint, a value SQLite would not take)
                // goes, and the rest of the batch commits. Should the savepoint itself be gone (SQLite rolled the
                // whole transaction back, as it does on a full disk), this throws and the whole batch fails instead.
                session.Command("ROLLBACK TO job").ExecuteNonQuery();
            }

            session.Command("RELEASE job").ExecuteNonQuery();
        }

        public override void Complete()
        {
            if (_error is null)
            {
                Completion.TrySetResult(_result!);
            }
            else
            {
                Completion.TrySetException(_error);
            }
        }

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
