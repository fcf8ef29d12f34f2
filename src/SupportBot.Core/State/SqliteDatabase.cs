using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>
/// One SQLite file shared by <see cref="SqliteStorage"/>, <see cref="Transcripts.SqliteTranscriptStore"/>, the
/// outbox and the follow-up schedule; a turn's state, transcript and outbox entries go in one transaction.
/// Writes go through a single writer thread that commits whatever is queued in one transaction (group commit), and
/// every caller returns only once its transaction is durably on disk (WAL, <c>synchronous=FULL</c>). Each caller's
/// work checks before it writes, so one caller's refusal never takes another's writes with it.
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
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS transcript (
                id INTEGER PRIMARY KEY,
                conversation TEXT NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS transcript_by_conversation ON transcript (conversation, id);
            CREATE TABLE IF NOT EXISTS followups (case_id TEXT PRIMARY KEY, due INTEGER NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS followups_by_due ON followups (due);
            CREATE TABLE IF NOT EXISTS outbox (
                id TEXT PRIMARY KEY,
                case_id TEXT NOT NULL,
                status TEXT NOT NULL,
                due INTEGER,
                created INTEGER NOT NULL,
                version INTEGER NOT NULL,
                json TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS outbox_by_due ON outbox (due) WHERE due IS NOT NULL;
            CREATE INDEX IF NOT EXISTS outbox_by_case ON outbox (case_id, created);
            CREATE INDEX IF NOT EXISTS outbox_by_status ON outbox (status, created);
            """);
        Execute(writer.Connection, Insight.InsightSql.SqliteSchema);
        // The writer blocks in fsync; on its own thread it never starves the thread pool that serves requests.
        _writer = new Thread(() => WriteLoop(writer)) { IsBackground = true, Name = "SupportBot SQLite writer" };
        _writer.Start();
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Runs <paramref name="work"/> inside the next group transaction and returns once it is committed. The work must
    /// do all its checks before its first write: an exception it throws is handed back to its caller alone, while
    /// the writes of the other callers in the same transaction are kept.
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
        Execute(connection, "PRAGMA busy_timeout=5000; PRAGMA cache_size=-512;");
        return new SqliteSession(connection);
    }

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
        try
        {
            session.Command("BEGIN IMMEDIATE").ExecuteNonQuery();
            foreach (var job in batch)
            {
                job.Run(session);
            }

            session.Command("COMMIT").ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            try
            {
                session.Command("ROLLBACK").ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // No transaction left to roll back: the failure was in BEGIN or COMMIT itself.
            }

            foreach (var job in batch)
            {
                job.Fail(ex);
            }

            return;
        }

        foreach (var job in batch)
        {
            job.Complete();
        }
    }

    private abstract class WriteJob
    {
        public abstract void Run(SqliteSession session);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteJob<T>(Func<SqliteSession, T> work) : WriteJob
    {
        private T? _result;
        private Exception? _error;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteSession session)
        {
            try
            {
                _result = work(session);
            }
            catch (Exception ex) when (ex is not SqliteException)
            {
                // A job checks before it writes, so its own refusal (an ETag mismatch) leaves nothing behind and the
                // rest of the batch commits; a SQLite failure mid-write rolls the whole batch back instead.
                _error = ex;
            }
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
