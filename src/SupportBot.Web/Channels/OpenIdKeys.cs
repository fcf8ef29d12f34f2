using System.Security.Cryptography;
using System.Text.Json;

namespace SupportBot.Web.Channels;

/// <summary>
/// The signing keys behind one OpenID metadata document: fetched on first use, refreshed every 24 hours, and looked
/// up again (at most once per 5 minutes) when a token names a key id not seen yet, so a key rollover mid-run works.
/// A refresh that fails keeps the keys already known.
/// </summary>
public sealed class OpenIdKeys(HttpClient http, string metadataUrl, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(24);
    private static readonly TimeSpan UnknownKeyPause = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastUnknownFetch = DateTimeOffset.MinValue;

    /// <summary>The key for <paramref name="keyId"/>, or null when the issuer does not publish it.</summary>
    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _fetchedAt < RefreshEvery && _keys.TryGetValue(keyId, out var known))
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = time.GetUtcNow();
            var stale = now - _fetchedAt >= RefreshEvery;
            var unknown = !_keys.ContainsKey(keyId);
            if (stale || (unknown && now - _lastUnknownFetch >= UnknownKeyPause))
            {
                if (unknown && !stale)
                {
                    _lastUnknownFetch = now;
                }

                try
                {
                    _keys = await FetchAsync(cancellationToken).ConfigureAwait(false);
                    _fetchedAt = now;
                }
                catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    // Keep the keys already known: a metadata outage must not stop a bot that already trusts them.
                }
            }

            return _keys.GetValueOrDefault(keyId);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, SigningKey>> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri(metadataUrl), cancellationToken).ConfigureAwait(false));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString() ?? throw new InvalidOperationException("The metadata names no jwks_uri.");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(jwksUri), cancellationToken).ConfigureAwait(false));
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA" && key.TryGetProperty("kid", out var kid)
                && key.TryGetProperty("n", out var n) && key.TryGetProperty("e", out var e))
            {
                var endorsements = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                    : [];
                var parameters = new RSAParameters
                {
                    Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(n.GetString()),
                    Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(e.GetString()),
                };
                keys[kid.GetString()!] = new SigningKey(parameters, endorsements);
            }
        }

        return keys;
    }
}
