using System.Text.Json;
using Microsoft.Data.Sqlite;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts in the same SQLite file as the state, committed in the same group transactions.</summary>
public sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    public Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = Key(channelId, conversationId);
        var rows = activities.Select(a => JsonSerializer.Serialize(a, ActivityJson.Default.Activity)).ToArray();
        return database.WriteAsync(connection =>
        {
            using var next = connection.CreateCommand();
            next.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM transcript WHERE conversation = $conversation";
            next.Parameters.AddWithValue("$conversation", conversation);
            var seq = (long)next.ExecuteScalar()!;
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO transcript (conversation, seq, json) VALUES ($conversation, $seq, $json)";
            insert.Parameters.AddWithValue("$conversation", conversation);
            var seqParameter = insert.Parameters.Add("$seq", SqliteType.Integer);
            var json = insert.Parameters.Add("$json", SqliteType.Text);
            foreach (var row in rows)
            {
                seqParameter.Value = ++seq;
                json.Value = row;
                insert.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var conversation = Key(channelId, conversationId);
        IReadOnlyList<Activity> activities = database.Read(connection =>
        {
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT json FROM transcript WHERE conversation = $conversation ORDER BY seq";
            select.Parameters.AddWithValue("$conversation", conversation);
            using var reader = select.ExecuteReader();
            var list = new List<Activity>();
            while (reader.Read())
            {
                list.Add(JsonSerializer.Deserialize(reader.GetString(0), ActivityJson.Default.Activity)!);
            }

            return list;
        });
        return Task.FromResult(activities);
    }

    private static string Key(string channelId, string conversationId) => $"{channelId}/{conversationId}";
}
