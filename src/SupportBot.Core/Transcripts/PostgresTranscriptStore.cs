using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts in PostgreSQL.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    public async Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        await using var insert = database.DataSource.CreateCommand("INSERT INTO transcript (conversation, json) SELECT @conversation, unnest(@rows)");
        insert.Parameters.AddWithValue("conversation", $"{channelId}/{conversationId}");
        insert.Parameters.AddWithValue("rows", activities.Select(a => JsonSerializer.Serialize(a, ActivityJson.Default.Activity)).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, int skip, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        await using var select = database.DataSource.CreateCommand("SELECT json FROM transcript WHERE conversation = @conversation ORDER BY id OFFSET @skip");
        select.Parameters.AddWithValue("conversation", $"{channelId}/{conversationId}");
        select.Parameters.AddWithValue("skip", skip);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Activity>();
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize(rows.GetString(0), ActivityJson.Default.Activity)!);
        }

        return list;
    }
}
