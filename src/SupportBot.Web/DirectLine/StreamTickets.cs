using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// Single-use tickets for opening one conversation's stream within 60 seconds. The stream URL carries one instead of
/// the token, because URLs end up in access logs: a logged ticket is already spent or about to expire. With
/// PostgreSQL they are kept in its <c>stream_tickets</c> table, so a stream URL one instance gave opens on any
/// instance, once; otherwise in memory.
/// </summary>
public sealed class StreamTickets(PostgresDatabase? shared, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (DirectLineGrant Grant, DateTimeOffset Expires)> _tickets = new(StringComparer.Ordinal);

    /// <summary>The stream URL for <paramref name="grant"/>'s conversation from <paramref name="watermark"/>, with a new ticket, under <paramref name="root"/> (this server's public address).</summary>
    public async Task<string> StreamUrlAsync(string root, DirectLineGrant grant, int watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(grant);
        var ticket = await IssueAsync(grant, cancellationToken).ConfigureAwait(false);
        var ws = root.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + root["https://".Length..] : "ws://" + root[(root.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return $"{ws}/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/stream?t={ticket}&watermark={watermark.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Spends a ticket: the grant it was issued for, or null when unknown, spent or expired.</summary>
    public async Task<DirectLineGrant?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var now = time.GetUtcNow();
        if (shared is null)
        {
            return _tickets.TryRemove(ticket, out var entry) && entry.Expires >= now ? entry.Grant : null;
        }

        await using var redeem = shared.DataSource.CreateCommand("DELETE FROM stream_tickets WHERE ticket = @ticket RETURNING json, expires");
        redeem.Parameters.AddWithValue("ticket", ticket);
        await using var row = await redeem.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await row.ReadAsync(cancellationToken).ConfigureAwait(false) && row.GetInt64(1) >= now.ToUnixTimeMilliseconds()
            ? JsonSerializer.Deserialize(row.GetString(0), DirectLineJson.Default.DirectLineGrant)
            : null;
    }

    private async Task<string> IssueAsync(DirectLineGrant grant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ticket = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
        if (shared is null)
        {
            if (_tickets.Count > 10_000)
            {
                foreach (var (key, _) in _tickets.Where(t => t.Value.Expires < now).ToList())
                {
                    _tickets.TryRemove(key, out _);
                }
            }

            _tickets[ticket] = (grant, now + Lifetime);
            return ticket;
        }

        // Expired tickets nobody used go as new ones come.
        await using var insert = shared.DataSource.CreateCommand(
            "WITH expired AS (DELETE FROM stream_tickets WHERE expires < @now) INSERT INTO stream_tickets (ticket, json, expires) VALUES (@ticket, @json, @expires)");
        insert.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("ticket", ticket);
        insert.Parameters.AddWithValue("json", JsonSerializer.Serialize(grant, DirectLineJson.Default.DirectLineGrant));
        insert.Parameters.AddWithValue("expires", (now + Lifetime).ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ticket;
    }
}
