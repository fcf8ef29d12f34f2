using Npgsql;
using NpgsqlTypes;

namespace SupportBot.Core.State;

/// <summary>The outbox in PostgreSQL's <c>outbox</c> table.</summary>
internal sealed class PostgresOutbox(PostgresDatabase database) : Outbox
{
    private const string Columns = "id, case_id, status, due, created, version, json";

    public override async Task AddAsync(IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await AddAsync(connection, transaction, rows, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> inside the caller's transaction (a turn's, or
    /// <see cref="AddAsync(IReadOnlyList{OutboxRow}, CancellationToken)"/>'s); a row at a version changes its entry from
    /// that version, or throws <see cref="StorageConcurrencyException"/>.
    /// </summary>
    internal static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (row.Version > 0)
            {
                await using var update = Change(new NpgsqlCommand(null, connection, transaction), row);
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new StorageConcurrencyException(row.Id);
                }
            }
        }

        if (rows.Any(r => r.Version > 0))
        {
            rows = [.. rows.Where(r => r.Version == 0)];
        }

        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO outbox (id, case_id, status, due, created, version, json) SELECT i, c, s, d, cr, 1, j FROM unnest(@ids, @cases, @statuses, @dues, @created, @jsons) AS r(i, c, s, d, cr, j)
            ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, status = excluded.status, due = excluded.due, created = excluded.created, version = outbox.version + 1, json = excluded.json
            """,
            connection,
            transaction);
        insert.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
        insert.Parameters.AddWithValue("cases", rows.Select(r => r.CaseId).ToArray());
        insert.Parameters.AddWithValue("statuses", rows.Select(r => r.Status).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("dues", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Select(r => r.Due?.ToUnixTimeMilliseconds()).ToArray() });
        insert.Parameters.AddWithValue("created", rows.Select(r => r.Created.ToUnixTimeMilliseconds()).ToArray());
        insert.Parameters.AddWithValue("jsons", rows.Select(r => r.Json).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task<OutboxRow?> GetAsync(string id, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM outbox WHERE id = @p", id, cancellationToken).ConfigureAwait(false) is [var row] ? row : null;

    public override Task<IReadOnlyList<OutboxRow>> ForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM outbox WHERE case_id = @p ORDER BY created, id", caseId, cancellationToken);

    public override Task<IReadOnlyList<OutboxRow>> WithStatusAsync(IReadOnlyCollection<string> statuses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        return QueryAsync($"SELECT {Columns} FROM outbox WHERE status = ANY(@p) ORDER BY created DESC LIMIT {Batch}", statuses.ToArray(), cancellationToken);
    }

    public override Task<IReadOnlyList<OutboxRow>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM outbox WHERE due IS NOT NULL AND due <= @p ORDER BY due LIMIT {Batch}", now.ToUnixTimeMilliseconds(), cancellationToken);

    public override async Task<OutboxRow?> UpdateAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var update = Change(database.DataSource.CreateCommand(), row);
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1 ? row with { Version = row.Version + 1 } : null;
    }

    /// <summary><paramref name="command"/> made the update of the entry from <paramref name="row"/>'s version.</summary>
    private static NpgsqlCommand Change(NpgsqlCommand command, OutboxRow row)
    {
        command.CommandText = "UPDATE outbox SET status = @status, due = @due, version = version + 1, json = @json WHERE id = @id AND version = @version";
        command.Parameters.AddWithValue("status", row.Status);
        command.Parameters.Add(new NpgsqlParameter("due", NpgsqlDbType.Bigint) { Value = (object?)row.Due?.ToUnixTimeMilliseconds() ?? DBNull.Value });
        command.Parameters.AddWithValue("json", row.Json);
        command.Parameters.AddWithValue("id", row.Id);
        command.Parameters.AddWithValue("version", row.Version);
        return command;
    }

    private async Task<IReadOnlyList<OutboxRow>> QueryAsync(string sql, object parameter, CancellationToken cancellationToken)
    {
        await using var select = database.DataSource.CreateCommand(sql);
        select.Parameters.AddWithValue("p", parameter);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new OutboxRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetString(6));
            rows.Add(row with { Version = reader.GetInt64(5) });
        }

        return rows;
    }
}
