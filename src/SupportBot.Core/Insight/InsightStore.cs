using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SupportBot.Core.State;

namespace SupportBot.Core.Insight;

/// <summary>
/// Where the dashboard's facts are, next to the state: tables of the SQLite file or of the PostgreSQL database
/// (written by <see cref="TurnStore"/> in each turn's own transaction), or an in-memory SQLite database for
/// <c>Storage:Provider=Memory</c>. The queries (<see cref="DashboardCharts"/>, <see cref="ConversationSearch"/>) are the
/// same SQL for all three.
/// </summary>
public abstract class InsightStore
{
    /// <summary>The tables of <paramref name="database"/> (made with it).</summary>
    public static InsightStore InSqlite(SqliteDatabase database) => new SqliteInsightStore(database);

    /// <summary>The tables of a PostgreSQL database (made with it), shared by several instances.</summary>
    public static InsightStore InPostgres(PostgresDatabase database) => new PostgresInsightStore(database);

    /// <summary>An in-memory database, lost on exit; <see cref="TurnStore.Sequential"/> writes each turn's facts to it.</summary>
    public static InsightStore InMemory() => new MemoryInsightStore();

    /// <summary>Writes one turn's facts on their own (a store that commits turns in one transaction writes them there).</summary>
    internal abstract Task AddAsync(TurnFacts facts, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="sql"/> (parameters <c>@p0</c>… with <paramref name="values"/>) and reads each row.</summary>
    internal abstract Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> read, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the facts of a turn just committed, to be written with those of the turns around it; every query reads
    /// them. Only the SQLite file's store keeps facts (<see cref="TurnStore.InSqlite"/>); the others are written in
    /// the turn's own transaction or at once.
    /// </summary>
    internal virtual void Record(TurnFacts facts) => throw new NotSupportedException("Only the SQLite file's dashboard keeps a turn's facts for later.");

    /// <summary>Whether <see cref="Record"/> keeps facts (the SQLite file's store).</summary>
    internal virtual bool KeepsFacts => false;

    /// <summary>Writes the facts <see cref="Record"/> keeps; every query does this first.</summary>
    public virtual Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes <paramref name="facts"/> inside a SQLite transaction (a turn's, or the memory store's).</summary>
    internal static void Write(SqliteSession session, TurnFacts? facts)
    {
        if (facts is not null)
        {
            Write(session, FactsBatch.Of(facts));
        }
    }

    private static void Write(SqliteSession session, FactsBatch batch)
    {
        foreach (var (sql, values) in InsightSql.Statements(batch))
        {
            var command = session.Command(sql);
            Bind(command, values);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Writes <paramref name="facts"/> inside a PostgreSQL transaction, in one round trip.</summary>
    internal static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TurnFacts? facts, CancellationToken cancellationToken)
    {
        if (facts is null)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, values) in InsightSql.Statements(FactsBatch.Of(facts)))
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(PostgresParameter(i, values[i]));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // A prepared command keeps its parameters from one write to the next; only their values change.
    private static void Bind(DbCommand command, object?[] values)
    {
        var parameters = command.Parameters;
        if (parameters.Count != values.Length)
        {
            parameters.Clear();
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = InsightSql.Parameter(i);
                parameters.Add(parameter);
            }
        }

        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    // A null's type is left to the server to infer from where it goes.
    private static NpgsqlParameter PostgresParameter(int index, object? value) => value is null
        ? new NpgsqlParameter(InsightSql.Parameter(index)[1..], NpgsqlDbType.Unknown) { Value = DBNull.Value }
        : new NpgsqlParameter(InsightSql.Parameter(index)[1..], value);

    private static List<T> Read<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// The dashboard's tables in the SQLite file. The turns' facts reach them a moment after their turns (at most
    /// <see cref="FlushDelay"/>, or as soon as <see cref="FlushTurns"/> turns wait), in one write of the writer's
    /// group commit: a conversation's row once for all its turns in that time, each day's figures once per prompt
    /// variant. That takes about half the single writer's work out of every turn. A query writes what waits first.
    /// </summary>
    private sealed class SqliteInsightStore(SqliteDatabase database) : InsightStore
    {
        private static readonly TimeSpan FlushDelay = TimeSpan.FromSeconds(1);
        private const int FlushTurns = 512;
        private readonly Lock _lock = new();
        private FactsBatch _pending = new();

        /// <summary>The last write of kept facts; each waits for the one before, so a prompt's outcome never precedes its row.</summary>
        private Task _writing = Task.CompletedTask;

        internal override bool KeepsFacts => true;

        internal override Task AddAsync(TurnFacts facts, CancellationToken cancellationToken) =>
            database.WriteAsync(session =>
            {
                Write(session, facts);
                return true;
            }, cancellationToken);

        internal override void Record(TurnFacts facts)
        {
            int turns;
            lock (_lock)
            {
                _pending.Add(facts);
                turns = _pending.Turns;
            }

            if (turns == 1)
            {
                _ = FlushLaterAsync(FlushDelay);
            }
            else if (turns == FlushTurns)
            {
                _ = FlushLaterAsync(TimeSpan.Zero);
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (_pending.Turns > 0)
                {
                    _writing = WriteAfterAsync(_writing, _pending);
                    _pending = new FactsBatch();
                }

                // A write that failed was reported to whoever waited for it; it does not fail every later query.
                return _writing.IsFaulted ? Task.CompletedTask : _writing;
            }
        }

        internal override async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            return database.Read(session =>
            {
                using var command = session.Connection.CreateCommand();
                command.CommandText = sql;
                Bind(command, [.. values]);
                return Read(command, read);
            });
        }

        private async Task WriteAfterAsync(Task previous, FactsBatch batch)
        {
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await database.WriteAsync(session =>
            {
                Write(session, batch);
                return true;
            }, CancellationToken.None).ConfigureAwait(false);
        }

        private async Task FlushLaterAsync(TimeSpan delay)
        {
            try
            {
                await Task.Delay(delay).ConfigureAwait(false);
                await FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SqliteException or InvalidOperationException)
            {
                // The database closed (its backend writes what waits before it closes) or refused the write: the
                // dashboard misses these facts; the turns themselves were committed.
            }
        }
    }

    private sealed class MemoryInsightStore : InsightStore, IDisposable
    {
        private readonly SqliteSession _session;
        private readonly Lock _lock = new();

        public MemoryInsightStore()
        {
            var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            _session = new SqliteSession(connection);
            using var create = connection.CreateCommand();
            create.CommandText = InsightSql.SqliteSchema;
            create.ExecuteNonQuery();
        }

        public void Dispose() => _session.Dispose();

        internal override Task AddAsync(TurnFacts facts, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                Write(_session, facts);
            }

            return Task.CompletedTask;
        }

        internal override Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                using var command = _session.Connection.CreateCommand();
                command.CommandText = sql;
                Bind(command, [.. values]);
                return Task.FromResult(Read(command, read));
            }
        }
    }

    private sealed class PostgresInsightStore(PostgresDatabase database) : InsightStore
    {
        internal override async Task AddAsync(TurnFacts facts, CancellationToken cancellationToken)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await WriteAsync(connection, transaction, facts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        internal override async Task<List<T>> QueryAsync<T>(string sql, IReadOnlyList<object?> values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        {
            await using var command = database.DataSource.CreateCommand(sql);
            for (var i = 0; i < values.Count; i++)
            {
                command.Parameters.Add(PostgresParameter(i, values[i]));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}
