using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's history of changes, kept in the bot's storage (the SQLite file or PostgreSQL, beside the cases), so it
/// survives restarts and is shared by every instance: a list of entries, newest last, and each change's texts under a
/// key of its own so the list stays small.
/// </summary>
public sealed class EditHistory(IStorage storage)
{
    /// <summary>How many changes are remembered; older ones drop off (the files keep their content).</summary>
    public const int Kept = 500;

    private const string IndexKey = "studio/history";
    private const int MaxAttempts = 8;

    /// <summary>Every remembered change, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var (entries, _) = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
        return [.. Enumerable.Reverse(entries)];
    }

    /// <summary>One change with its texts, or null when it is not (or no longer) remembered.</summary>
    public async Task<(HistoryEntry Entry, HistoryTexts Texts)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var (entries, _) = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
        var entry = entries.FirstOrDefault(e => e.Id == id);
        if (entry is null)
        {
            return null;
        }

        var items = await storage.ReadAsync([TextsKey(id)], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(TextsKey(id), out var item) ? (entry, JsonSerializer.Deserialize(item.Json, AdminJson.Default.HistoryTexts)!) : null;
    }

    /// <summary>Remembers a change.</summary>
    public async Task AddAsync(HistoryEntry entry, HistoryTexts texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await storage.WriteAsync(new Dictionary<string, StoreItem> { [TextsKey(entry.Id)] = new(JsonSerializer.Serialize(texts, AdminJson.Default.HistoryTexts), null) }, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var (entries, etag) = await ReadIndexAsync(cancellationToken).ConfigureAwait(false);
            var dropped = entries.Count >= Kept ? entries[..(entries.Count - Kept + 1)] : [];
            List<HistoryEntry> kept = [.. entries.Skip(dropped.Count), entry];
            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [IndexKey] = new(JsonSerializer.Serialize(kept, AdminJson.Default.ListHistoryEntry), etag) }, cancellationToken).ConfigureAwait(false);
                if (dropped.Count > 0)
                {
                    await storage.DeleteAsync([.. dropped.Select(d => TextsKey(d.Id))], cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<(List<HistoryEntry> Entries, string? ETag)> ReadIndexAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([IndexKey], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(IndexKey, out var item)
            ? (JsonSerializer.Deserialize(item.Json, AdminJson.Default.ListHistoryEntry)!, item.ETag)
            : ([], null);
    }

    private static string TextsKey(string id) => $"studio/history/{id}";
}
