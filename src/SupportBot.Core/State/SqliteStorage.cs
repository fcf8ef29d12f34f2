using Microsoft.Data.Sqlite;

namespace SupportBot.Core.State;

/// <summary>Durable state in a local SQLite file (the embedded default). Writes are group-committed by <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteStorage(SqliteDatabase database) : IStorage
{
    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = database.Read(connection =>
        {
            var items = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT etag, json FROM state WHERE key = $key";
            var key = command.Parameters.Add("$key", SqliteType.Text);
            foreach (var k in keys)
            {
                key.Value = k;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    items[k] = new StoreItem(reader.GetString(1), reader.GetString(0));
                }
            }

            return items;
        });
        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return database.WriteAsync<IReadOnlyDictionary<string, string>>(connection =>
        {
            var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT etag FROM state WHERE key = $key";
            var selectKey = select.Parameters.Add("$key", SqliteType.Text);
            using var upsert = connection.CreateCommand();
            upsert.CommandText = "INSERT INTO state (key, etag, json) VALUES ($key, $etag, $json) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json";
            var key = upsert.Parameters.Add("$key", SqliteType.Text);
            var etag = upsert.Parameters.Add("$etag", SqliteType.Text);
            var json = upsert.Parameters.Add("$json", SqliteType.Text);
            foreach (var (k, item) in changes)
            {
                if (item.ETag is not null && item.ETag != "*")
                {
                    selectKey.Value = k;
                    if (!ETags.Matches(item.ETag, select.ExecuteScalar() as string))
                    {
                        throw new StorageConcurrencyException(k);
                    }
                }

                var next = ETags.Next();
                key.Value = k;
                etag.Value = next;
                json.Value = item.Json;
                upsert.ExecuteNonQuery();
                etags[k] = next;
            }

            return etags;
        }, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.WriteAsync(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM state WHERE key = $key";
            var key = delete.Parameters.Add("$key", SqliteType.Text);
            foreach (var k in keys)
            {
                key.Value = k;
                delete.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }
}
