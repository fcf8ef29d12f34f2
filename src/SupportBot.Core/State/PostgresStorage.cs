using System.Text.Json;
using Npgsql;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.State;

/// <summary>
/// A PostgreSQL database for several bot instances behind one load balancer: state with ETags, transcripts and the
/// follow-up schedule, in three tables it creates when missing. Each write is one transaction; a due check-in is
/// taken with <c>FOR UPDATE SKIP LOCKED</c>, so of several instances exactly one sends it.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        using var create = DataSource.CreateCommand("""
            CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, json TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS transcript (id BIGSERIAL PRIMARY KEY, conversation TEXT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS transcript_by_conversation ON transcript (conversation, id);
            CREATE TABLE IF NOT EXISTS followups (case_id TEXT PRIMARY KEY, due BIGINT NOT NULL, json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS followups_by_due ON followups (due);
            """);
        create.ExecuteNonQuery();
    }

    internal NpgsqlDataSource DataSource { get; }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

/// <summary>Bot state in PostgreSQL, with the same ETag rules as every <see cref="IStorage"/>.</summary>
public sealed class PostgresStorage(PostgresDatabase database) : IStorage
{
    public async Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var select = database.DataSource.CreateCommand("SELECT key, etag, json FROM state WHERE key = ANY(@keys)");
        select.Parameters.AddWithValue("keys", keys.ToArray());
        await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items[rows.GetString(0)] = new StoreItem(rows.GetString(2), rows.GetString(1));
        }

        return items;
    }

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Lock the rows, check every ETag, then write: a conflict leaves the batch untouched.
        var keys = changes.Keys.Order(StringComparer.Ordinal).ToArray();
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT key, etag FROM state WHERE key = ANY(@keys) ORDER BY key FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("keys", keys);
            await using var rows = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                current[rows.GetString(0)] = rows.GetString(1);
            }
        }

        foreach (var (key, item) in changes)
        {
            if (item.ETag is not null && item.ETag != "*" && !ETags.Matches(item.ETag, current.GetValueOrDefault(key)))
            {
                throw new StorageConcurrencyException(key);
            }
        }

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        await using var upsert = new NpgsqlCommand(
            "INSERT INTO state (key, etag, json) VALUES (@key, @etag, @json) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, json = excluded.json",
            connection,
            transaction);
        var keyParameter = upsert.Parameters.Add(new NpgsqlParameter<string>("key", string.Empty));
        var etagParameter = upsert.Parameters.Add(new NpgsqlParameter<string>("etag", string.Empty));
        var jsonParameter = upsert.Parameters.Add(new NpgsqlParameter<string>("json", string.Empty));
        foreach (var (key, item) in changes)
        {
            var next = ETags.Next();
            keyParameter.Value = key;
            etagParameter.Value = next;
            jsonParameter.Value = item.Json;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            etags[key] = next;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var delete = database.DataSource.CreateCommand("DELETE FROM state WHERE key = ANY(@keys)");
        delete.Parameters.AddWithValue("keys", keys.ToArray());
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

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
