using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts in the same SQLite file as the state, committed in the same group transactions.</summary>
public sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    private const string Insert = "INSERT INTO transcript (conversation, json) VALUES ($conversation, $json)";
    private const string Select = "SELECT json FROM transcript WHERE conversation = $conversation ORDER BY id";

    public Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var conversation = Key(channelId, conversationId);
        var rows = new string[activities.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = JsonSerializer.Serialize(activities[i], ActivityJson.Default.Activity);
        }

        return database.WriteAsync(session =>
        {
            var insert = session.Command(Insert, "$conversation", "$json");
            insert.Parameters[0].Value = conversation;
            foreach (var row in rows)
            {
                insert.Parameters[1].Value = row;
                insert.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var conversation = Key(channelId, conversationId);
        IReadOnlyList<Activity> activities = database.Read(session =>
        {
            var select = session.Command(Select, "$conversation");
            select.Parameters[0].Value = conversation;
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
