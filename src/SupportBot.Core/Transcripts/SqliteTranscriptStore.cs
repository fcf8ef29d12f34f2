using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts in the same SQLite file as the state; a turn's activities are committed with its state (<see cref="TurnStore"/>).</summary>
public sealed class SqliteTranscriptStore(SqliteDatabase database) : ITranscriptStore
{
    private const int RowsPerStatement = 8;
    private const string Select = "SELECT json FROM transcript WHERE conversation = $conversation ORDER BY id LIMIT -1 OFFSET $skip";

    public Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var rows = Rows(activities);
        return database.WriteAsync(session =>
        {
            Append(session, Key(channelId, conversationId), rows);
            return true;
        }, cancellationToken);
    }

    /// <summary>The activities as the rows they are stored as (serialized before the transaction, not inside it).</summary>
    internal static string[] Rows(IReadOnlyList<Activity> activities)
    {
        var rows = new string[activities.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = JsonSerializer.Serialize(activities[i], ActivityJson.Default.Activity);
        }

        return rows;
    }

    /// <summary>Appends rows to a conversation's transcript inside the caller's transaction (its own, or a whole turn's).</summary>
    internal static void Append(SqliteSession session, string conversation, string[] rows)
    {
        // A turn's activities go in with one statement (up to eight rows each), prepared once per row count.
        for (var start = 0; start < rows.Length; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Length - start);
            var insert = session.Command(InsertSql(count), [.. Enumerable.Range(0, count).SelectMany(i => new[] { $"$c{i}", $"$j{i}" })]);
            for (var i = 0; i < count; i++)
            {
                insert.Parameters[2 * i].Value = conversation;
                insert.Parameters[(2 * i) + 1].Value = rows[start + i];
            }

            insert.ExecuteNonQuery();
        }
    }

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, int skip, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        cancellationToken.ThrowIfCancellationRequested();
        var conversation = Key(channelId, conversationId);
        IReadOnlyList<Activity> activities = database.Read(session =>
        {
            var select = session.Command(Select, "$conversation", "$skip");
            select.Parameters[0].Value = conversation;
            select.Parameters[1].Value = skip;
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

    private static string InsertSql(int rows) => InsertStatements[rows - 1];

    private static readonly string[] InsertStatements = [.. Enumerable.Range(1, RowsPerStatement).Select(n =>
        "INSERT INTO transcript (conversation, json) VALUES " + string.Join(", ", Enumerable.Range(0, n).Select(i => $"($c{i}, $j{i})")))];

    internal static string Key(string channelId, string conversationId) => $"{channelId}/{conversationId}";
}
