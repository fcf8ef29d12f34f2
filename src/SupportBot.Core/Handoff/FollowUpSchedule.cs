using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The follow-up check-ins: durable where the state is (a table of the SQLite file, ordered by due time), so they
/// survive restarts. A due check-in is taken off the schedule in the same transaction that reads it, before it is
/// sent: each fires once. In memory when the state is.
/// </summary>
public abstract class FollowUpSchedule
{
    /// <summary>Adds a check-in (replacing one for the same case).</summary>
    public abstract Task AddAsync(FollowUp followUp, CancellationToken cancellationToken);

    /// <summary>The check-ins still to come, soonest first.</summary>
    public abstract Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken);

    /// <summary>Takes up to 100 check-ins due at <paramref name="now"/> off the schedule and returns them.</summary>
    public abstract Task<IReadOnlyList<FollowUp>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The schedule in memory (lost on exit), for <c>Storage:Provider=Memory</c> and tests.</summary>
    public static FollowUpSchedule InMemory() => new MemorySchedule();

    /// <summary>The schedule in a PostgreSQL database's <c>followups</c> table (shared by several instances).</summary>
    public static FollowUpSchedule InPostgres(PostgresDatabase database) => new PostgresFollowUpSchedule(database);

    /// <summary>The schedule in <paramref name="database"/>'s <c>followups</c> table.</summary>
    public static FollowUpSchedule InSqlite(SqliteDatabase database) => new SqliteSchedule(database);

    private const int Batch = 100;

    private sealed class MemorySchedule : FollowUpSchedule
    {
        private readonly Dictionary<string, FollowUp> _pending = new(StringComparer.Ordinal);
        private readonly Lock _lock = new();

        public override Task AddAsync(FollowUp followUp, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _pending[followUp.CaseId] = followUp;
            }

            return Task.CompletedTask;
        }

        public override Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                return Task.FromResult<IReadOnlyList<FollowUp>>([.. _pending.Values.OrderBy(f => f.Due)]);
            }
        }

        public override Task<IReadOnlyList<FollowUp>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                List<FollowUp> due = [.. _pending.Values.Where(f => f.Due <= now).OrderBy(f => f.Due).Take(Batch)];
                foreach (var followUp in due)
                {
                    _pending.Remove(followUp.CaseId);
                }

                return Task.FromResult<IReadOnlyList<FollowUp>>(due);
            }
        }
    }

    private sealed class SqliteSchedule(SqliteDatabase database) : FollowUpSchedule
    {
        public override Task AddAsync(FollowUp followUp, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(followUp);
            var json = JsonSerializer.Serialize(followUp, StateJson.Options);
            return database.WriteAsync(session =>
            {
                var insert = session.Command("INSERT OR REPLACE INTO followups (case_id, due, json) VALUES ($case, $due, $json)", "$case", "$due", "$json");
                insert.Parameters[0].Value = followUp.CaseId;
                insert.Parameters[1].Value = followUp.Due.ToUnixTimeMilliseconds();
                insert.Parameters[2].Value = json;
                insert.ExecuteNonQuery();
                return true;
            }, cancellationToken);
        }

        public override Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<FollowUp>>(database.Read(session => Rows(session.Command("SELECT json FROM followups ORDER BY due"))));

        public override Task<IReadOnlyList<FollowUp>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
            database.WriteAsync<IReadOnlyList<FollowUp>>(session =>
            {
                var select = session.Command($"SELECT json FROM followups WHERE due <= $now ORDER BY due LIMIT {Batch}", "$now");
                select.Parameters[0].Value = now.ToUnixTimeMilliseconds();
                var due = Rows(select);
                var delete = session.Command("DELETE FROM followups WHERE case_id = $case", "$case");
                foreach (var followUp in due)
                {
                    delete.Parameters[0].Value = followUp.CaseId;
                    delete.ExecuteNonQuery();
                }

                return due;
            }, cancellationToken);

        private static List<FollowUp> Rows(Microsoft.Data.Sqlite.SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            var rows = new List<FollowUp>();
            while (reader.Read())
            {
                rows.Add(JsonSerializer.Deserialize<FollowUp>(reader.GetString(0), StateJson.Options)!);
            }

            return rows;
        }
    }
}
