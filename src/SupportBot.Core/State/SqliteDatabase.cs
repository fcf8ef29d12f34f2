using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>
/// One SQLite file shared by <see cref="SqliteStorage"/> and <see cref="Transcripts.SqliteTranscriptStore"/>.
/// Writes go through a single writer that commits whatever is queued in one transaction (group commit): each
/// caller's work runs in its own savepoint, so one failing write never takes another with it, and every caller
/// returns only once its transaction is durably on disk (WAL, <c>synchronous=FULL</c>).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly string _connectionString;
    private readonly Channel<WriteJob> _writes = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly Task _writer;

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
        Execute(writer, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=FULL;
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS transcript (
                conversation TEXT NOT NULL,
                seq INTEGER NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (conversation, seq)) WITHOUT ROWID;
            """);
        _writer = Task.Run(() => WriteLoopAsync(writer));
    }

    /// <summary>The database file.</summary>
    public string FilePath { get; }

    /// <summary>Runs <paramref name="work"/> inside the next group transaction and returns once it is committed.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var job = new WriteJob<T>(work);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(job), this);

        return job.Completion.Task;
    }

    /// <summary>Runs a read on a pooled connection; it sees every committed write.</summary>
    internal T Read<T>(Func<SqliteConnection, T> work)
    {
        if (!_readers.TryTake(out var connection))
        {
            connection = Open();
        }

        try
        {
            return work(connection);
        }
        finally
        {
            _readers.Add(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        while (_readers.TryTake(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private async Task WriteLoopAsync(SqliteConnection connection)
    {
        var batch = new List<WriteJob>(MaxBatch);
        try
        {
            while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var job))
                {
                    batch.Add(job);
                }

                CommitBatch(connection, batch);
                batch.Clear();
            }
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void CommitBatch(SqliteConnection connection, List<WriteJob> batch)
    {
        try
        {
            Execute(connection, "BEGIN IMMEDIATE;");
            foreach (var job in batch)
            {
                Execute(connection, "SAVEPOINT job;");
                if (job.Run(connection))
                {
                    Execute(connection, "RELEASE job;");
                }
                else
                {
                    Execute(connection, "ROLLBACK TO job; RELEASE job;");
                }
            }

            Execute(connection, "COMMIT;");
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            try
            {
                Execute(connection, "ROLLBACK;");
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
        public abstract bool Run(SqliteConnection connection);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class WriteJob<T>(Func<SqliteConnection, T> work) : WriteJob
    {
        private T? _result;
        private Exception? _error;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Run(SqliteConnection connection)
        {
            try
            {
                _result = work(connection);
                return true;
            }
#pragma warning disable CA1031 // The job's own exception is handed to its caller, not swallowed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _error = ex;
                return false;
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
