namespace SupportBot.Core.State;

/// <summary>Durable state in a local SQLite file (the embedded default). Writes are group-committed by <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteStorage(SqliteDatabase database) : IStorage
{
    private const string SelectItem = "SELECT etag, json FROM state WHERE key = $key";
    private const string SelectTwoItems = "SELECT key, etag, json FROM state WHERE key IN ($a, $b)";
    private const string SelectETag = "SELECT etag FROM state WHERE key = $key";
    // The document is bound as its UTF-8 bytes and stored as text (CAST reads the bytes as UTF-8, no conversion).
    private const string Upsert = "INSERT INTO state (key, etag, json) VALUES ($key, $etag, CAST($json AS TEXT)) ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json";
    private const string Delete = "DELETE FROM state WHERE key = $key";

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = database.Read(session =>
        {
            var items = new Dictionary<string, StoreItem>(keys.Count, StringComparer.Ordinal);
            if (keys.Count == 2)
            {
                // A turn reads its conversation and its user together: one statement, not two.
                var pair = session.Command(SelectTwoItems, "$a", "$b");
                pair.Parameters[0].Value = keys.First();
                pair.Parameters[1].Value = keys.Last();
                using var rows = pair.ExecuteReader();
                while (rows.Read())
                {
                    items[rows.GetString(0)] = new StoreItem(rows.GetFieldValue<byte[]>(2), rows.GetString(1));
                }

                return items;
            }

            var select = session.Command(SelectItem, "$key");
            foreach (var key in keys)
            {
                select.Parameters[0].Value = key;
                using var reader = select.ExecuteReader();
                if (reader.Read())
                {
                    items[key] = new StoreItem(reader.GetFieldValue<byte[]>(1), reader.GetString(0));
                }
            }

            return items;
        });
        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return database.WriteAsync(session => Write(session, changes), cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="changes"/> inside the caller's transaction (its own, or a whole turn's): every ETag is
    /// checked before anything is written, so a conflict leaves the transaction untouched.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> Write(SqliteSession session, IReadOnlyDictionary<string, StoreItem> changes)
    {
        var select = session.Command(SelectETag, "$key");
        foreach (var (key, item) in changes)
        {
            if (item.ETag is not null && item.ETag != "*")
            {
                select.Parameters[0].Value = key;
                if (!ETags.Matches(item.ETag, select.ExecuteScalar() as string))
                {
                    throw new StorageConcurrencyException(key);
                }
            }
        }

        var etags = new Dictionary<string, string>(changes.Count, StringComparer.Ordinal);
        var upsert = session.Command(Upsert, "$key", "$etag", "$json");
        foreach (var (key, item) in changes)
        {
            var next = ETags.Next();
            upsert.Parameters[0].Value = key;
            upsert.Parameters[1].Value = next;
            upsert.Parameters[2].Value = item.Utf8;
            upsert.ExecuteNonQuery();
            etags[key] = next;
        }

        return etags;
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return database.WriteAsync(session =>
        {
            var delete = session.Command(Delete, "$key");
            foreach (var key in keys)
            {
                delete.Parameters[0].Value = key;
                delete.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }
}
