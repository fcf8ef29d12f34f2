using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>The desk's cases in the SQLite file's <c>desk</c> table, written through its group commits.</summary>
internal sealed class SqliteDeskTable(SqliteDatabase database) : DeskTable
{
    private const string Columns = "case_id, status, created, accepted, version, json";
    private const string Upsert = """
        INSERT INTO desk (case_id, status, created, accepted, version, json) VALUES ($case, $status, $created, $accepted, 1, $json)
        ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, created = excluded.created, accepted = excluded.accepted, version = desk.version + 1, json = excluded.json
        RETURNING version
        """;

    private const string Update = "UPDATE desk SET status = $status, created = $created, accepted = $accepted, version = version + 1, json = $json WHERE case_id = $case AND version = $version RETURNING version";

    public override Task<DeskRow?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        Task.FromResult(Query($"SELECT {Columns} FROM desk WHERE case_id = $p", caseId).FirstOrDefault());

    public override Task<IReadOnlyList<DeskRow>> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeskRow>>(Query($"SELECT {Columns} FROM desk WHERE status <> 'closed' ORDER BY created, case_id", null));

    public override Task<IReadOnlyList<DeskRow>> AcceptedAsync(int count, CancellationToken cancellationToken)
    {
        var newest = Query($"SELECT {Columns} FROM desk WHERE accepted IS NOT NULL ORDER BY accepted DESC LIMIT $p", count);
        newest.Reverse();
        return Task.FromResult<IReadOnlyList<DeskRow>>(newest);
    }

    internal override Task<IReadOnlyList<DeskRow>> WriteAsync(IReadOnlyList<DeskRow> rows, IReadOnlyList<OutboxRow> outbox, CancellationToken cancellationToken) =>
        database.WriteAsync(session =>
        {
            var written = Write(session, rows);
            SqliteOutbox.Add(session, outbox);
            return written;
        }, cancellationToken);

    /// <summary>Writes <paramref name="rows"/> inside the caller's transaction (a turn's, or a desk action's); throws on a stale version.</summary>
    internal static IReadOnlyList<DeskRow> Write(SqliteSession session, IReadOnlyList<DeskRow> rows)
    {
        var written = new List<DeskRow>(rows.Count);
        foreach (var row in rows)
        {
            var command = row.Version == 0
                ? session.Command(Upsert, "$case", "$status", "$created", "$accepted", "$json")
                : session.Command(Update, "$case", "$status", "$created", "$accepted", "$json", "$version");
            command.Parameters[0].Value = row.CaseId;
            command.Parameters[1].Value = row.Status;
            command.Parameters[2].Value = row.Created.ToUnixTimeMilliseconds();
            command.Parameters[3].Value = (object?)row.Accepted?.ToUnixTimeMilliseconds() ?? DBNull.Value;
            command.Parameters[4].Value = row.Json;
            if (row.Version != 0)
            {
                command.Parameters[5].Value = row.Version;
            }

            var version = command.ExecuteScalar() as long? ?? throw new StorageConcurrencyException(Key(row.CaseId));
            written.Add(row with { Version = version });
        }

        return written;
    }

    private List<DeskRow> Query(string sql, object? parameter) => database.Read(session =>
    {
        var select = parameter is null ? session.Command(sql) : session.Command(sql, "$p");
        if (parameter is not null)
        {
            select.Parameters[0].Value = parameter;
        }

        using var reader = select.ExecuteReader();
        var rows = new List<DeskRow>();
        while (reader.Read())
        {
            rows.Add(Read(reader));
        }

        return rows;
    });

    private static DeskRow Read(SqliteDataReader reader) =>
        new DeskRow(
            reader.GetString(0),
            reader.GetString(1),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.GetString(5))
        { Version = reader.GetInt64(4) };
}
