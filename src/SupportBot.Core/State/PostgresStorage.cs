using Npgsql;

namespace SupportBot.Core.State;

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
        var etags = await WriteAsync(connection, transaction, changes, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return etags;
    }

    /// <summary>
    /// Writes <paramref name="changes"/> inside the caller's transaction (its own, or a whole turn's): the rows are
    /// locked and every ETag checked before anything is written, so a conflict leaves the transaction untouched.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<string, string>> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
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
