using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>The follow-up schedule in PostgreSQL.</summary>
internal sealed class PostgresFollowUpSchedule(PostgresDatabase database) : FollowUpSchedule
{
    public override async Task AddAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        await using var insert = database.DataSource.CreateCommand(
            "INSERT INTO followups (case_id, due, json) VALUES (@case, @due, @json) ON CONFLICT (case_id) DO UPDATE SET due = excluded.due, json = excluded.json");
        insert.Parameters.AddWithValue("case", followUp.CaseId);
        insert.Parameters.AddWithValue("due", followUp.Due.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("json", JsonSerializer.Serialize(followUp, StateJson.Options));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT json FROM followups ORDER BY due", null, cancellationToken);

    public override Task<IReadOnlyList<FollowUp>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        QueryAsync(
            "DELETE FROM followups WHERE case_id IN (SELECT case_id FROM followups WHERE due <= @now ORDER BY due LIMIT 100 FOR UPDATE SKIP LOCKED) RETURNING json, due",
            now.ToUnixTimeMilliseconds(),
            cancellationToken);

    private async Task<IReadOnlyList<FollowUp>> QueryAsync(string sql, long? now, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        if (now is { } at)
        {
            command.Parameters.AddWithValue("now", at);
        }

        await using var rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<FollowUp>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<FollowUp>(rows.GetString(0), StateJson.Options)!);
        }

        return [.. list.OrderBy(f => f.Due)];
    }
}
