using Npgsql;
using NpgsqlTypes;

namespace SupportBot.Core.State;

/// <summary>The desk's cases in PostgreSQL's <c>desk</c> table.</summary>
internal sealed class PostgresDeskTable(PostgresDatabase database) : DeskTable
{
    private const string Columns = "case_id, status, created, accepted, version, json";

    public override async Task<DeskRow?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM desk WHERE case_id = @p", caseId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public override async Task<IReadOnlyList<DeskRow>> OpenAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM desk WHERE status <> 'closed' ORDER BY created, case_id", null, cancellationToken).ConfigureAwait(false);

    public override async Task<IReadOnlyList<DeskRow>> AcceptedAsync(int count, CancellationToken cancellationToken)
    {
        var newest = await QueryAsync($"SELECT {Columns} FROM desk WHERE accepted IS NOT NULL ORDER BY accepted DESC LIMIT @p", count, cancellationToken).ConfigureAwait(false);
        newest.Reverse();
        return newest;
    }

    internal override async Task<IReadOnlyList<DeskRow>> WriteAsync(IReadOnlyList<DeskRow> rows, IReadOnlyList<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await WriteAsync(connection, transaction, rows, cancellationToken).ConfigureAwait(false);
        await PostgresOutbox.AddAsync(connection, transaction, outbox, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Writes <paramref name="rows"/> inside the caller's transaction (a turn's, or a desk action's); throws on a stale version.</summary>
    internal static async Task<IReadOnlyList<DeskRow>> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<DeskRow> rows, CancellationToken cancellationToken)
    {
        var written = new List<DeskRow>(rows.Count);
        foreach (var row in rows)
        {
            await using var command = new NpgsqlCommand(
                row.Version == 0
                    ? """
                      INSERT INTO desk (case_id, status, created, accepted, version, json) VALUES (@case, @status, @created, @accepted, 1, @json)
                      ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, created = excluded.created, accepted = excluded.accepted, version = desk.version + 1, json = excluded.json
                      RETURNING version
                      """
                    : "UPDATE desk SET status = @status, created = @created, accepted = @accepted, version = version + 1, json = @json WHERE case_id = @case AND version = @version RETURNING version",
                connection,
                transaction);
            command.Parameters.AddWithValue("case", row.CaseId);
            command.Parameters.AddWithValue("status", row.Status);
            command.Parameters.AddWithValue("created", row.Created.ToUnixTimeMilliseconds());
            command.Parameters.Add(new NpgsqlParameter("accepted", NpgsqlDbType.Bigint) { Value = (object?)row.Accepted?.ToUnixTimeMilliseconds() ?? DBNull.Value });
            command.Parameters.AddWithValue("json", row.Json);
            if (row.Version != 0)
            {
                command.Parameters.AddWithValue("version", row.Version);
            }

            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long? ?? throw new StorageConcurrencyException(Key(row.CaseId));
            written.Add(row with { Version = version });
        }

        return written;
    }

    private async Task<List<DeskRow>> QueryAsync(string sql, object? parameter, CancellationToken cancellationToken)
    {
        await using var select = database.DataSource.CreateCommand(sql);
        if (parameter is not null)
        {
            select.Parameters.AddWithValue("p", parameter);
        }

        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<DeskRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DeskRow(
                reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.GetString(5))
            { Version = reader.GetInt64(4) });
        }

        return rows;
    }
}
