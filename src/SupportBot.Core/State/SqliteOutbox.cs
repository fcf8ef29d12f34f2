using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>The outbox in the SQLite file's <c>outbox</c> table, written through its group commits.</summary>
internal sealed class SqliteOutbox(SqliteDatabase database) : Outbox
{
    private const string Columns = "id, case_id, status, due, created, version, json";
    private const string Insert = """
        INSERT INTO outbox (id, case_id, status, due, created, version, json) VALUES ($id, $case, $status, $due, $created, 1, $json)
        ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, status = excluded.status, due = excluded.due, created = excluded.created, version = outbox.version + 1, json = excluded.json
        """;
    private const string Update = "UPDATE outbox SET status = $status, due = $due, version = version + 1, json = $json WHERE id = $id AND version = $version";

    public override Task AddAsync(IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return database.WriteAsync(session =>
        {
            Add(session, rows);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> inside the caller's transaction (a turn's, or <see cref="AddAsync"/>'s); a row
    /// at a version changes its entry from that version, or throws <see cref="StorageConcurrencyException"/>.
    /// </summary>
    internal static void Add(SqliteSession session, IReadOnlyList<OutboxRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var insert = session.Command(Insert, "$id", "$case", "$status", "$due", "$created", "$json");
        foreach (var row in rows)
        {
            if (row.Version > 0)
            {
                if (!Change(session, row))
                {
                    throw new StorageConcurrencyException(row.Id);
                }

                continue;
            }

            insert.Parameters[0].Value = row.Id;
            insert.Parameters[1].Value = row.CaseId;
            insert.Parameters[2].Value = row.Status;
            insert.Parameters[3].Value = (object?)row.Due?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            insert.Parameters[4].Value = row.Created.ToUnixTimeMilliseconds();
            insert.Parameters[5].Value = row.Json;
            insert.ExecuteNonQuery();
        }
    }

    public override Task<OutboxRow?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Query($"SELECT {Columns} FROM outbox WHERE id = $p", id).FirstOrDefault());

    public override Task<IReadOnlyList<OutboxRow>> ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxRow>>(Query($"SELECT {Columns} FROM outbox WHERE case_id = $p ORDER BY created, id", caseId));

    public override Task<IReadOnlyList<OutboxRow>> WithStatusAsync(IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var rows = statuses.SelectMany(status => Query($"SELECT {Columns} FROM outbox WHERE status = $p ORDER BY created DESC LIMIT {Batch}", status));
        return Task.FromResult<IReadOnlyList<OutboxRow>>([.. rows.OrderByDescending(r => r.Created).Take(Batch)]);
    }

    public override Task<IReadOnlyList<OutboxRow>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxRow>>(Query($"SELECT {Columns} FROM outbox WHERE due IS NOT NULL AND due <= $p ORDER BY due LIMIT {Batch}", now.ToUnixTimeMilliseconds()));

    public override Task<OutboxRow?> UpdateAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return database.WriteAsync<OutboxRow?>(session => Change(session, row) ? row with { Version = row.Version + 1 } : null, cancellationToken);
    }

    /// <summary>Replaces the entry if it is still at <paramref name="row"/>'s version; false when it is not.</summary>
    private static bool Change(SqliteSession session, OutboxRow row)
    {
        var update = session.Command(Update, "$status", "$due", "$json", "$id", "$version");
        update.Parameters[0].Value = row.Status;
        update.Parameters[1].Value = (object?)row.Due?.ToUnixTimeMilliseconds() ?? DBNull.Value;
        update.Parameters[2].Value = row.Json;
        update.Parameters[3].Value = row.Id;
        update.Parameters[4].Value = row.Version;
        return update.ExecuteNonQuery() == 1;
    }

    private List<OutboxRow> Query(string sql, object parameter) => database.Read(session =>
    {
        var select = session.Command(sql, "$p");
        select.Parameters[0].Value = parameter;
        using var reader = select.ExecuteReader();
        var rows = new List<OutboxRow>();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    });

    private static OutboxRow Read(SqliteDataReader reader)
    {
        var row = new OutboxRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            reader.GetString(6));
        return row with { Version = reader.GetInt64(5) };
    }
}
