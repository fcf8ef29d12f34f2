using System.Text.Json;
using Npgsql;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts in PostgreSQL.</summary>
public sealed class PostgresTranscriptStore(PostgresDatabase database) : ITranscriptStore
{
    public async Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await AppendAsync(connection, null, channelId, conversationId, activities, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends to a conversation's transcript inside the caller's transaction (a whole turn's), or on its own.</summary>
    internal static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("INSERT INTO transcript (conversation, json) SELECT @conversation, unnest(@rows)", connection, transaction);
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
