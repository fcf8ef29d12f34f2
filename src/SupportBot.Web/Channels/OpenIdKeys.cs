using System.Security.Cryptography;
using System.Text.Json;

namespace SupportBot.Web.Channels;

/// <summary>
/// The signing keys behind one OpenID metadata document: fetched on first use, refreshed every 24 hours, and looked
/// up again (at most once per 5 minutes) when a token names a key id not seen yet, so a key rollover mid-run works.
/// A fetch has 10 seconds. One that fails is logged and keeps the keys already known, and no fetch is tried again
/// before a back-off (5 seconds, doubling up to 5 minutes), so an outage of the issuer cannot make every request wait.
/// </summary>
public sealed partial class OpenIdKeys(HttpClient http, string metadataUrl, TimeProvider time, ILogger logger) : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(24);
    private static readonly TimeSpan UnknownKeyPause = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);
    private TimeSpan _backOff = TimeSpan.Zero;
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
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
            if ((stale || (unknown && now - _lastUnknownFetch >= UnknownKeyPause)) && now >= _retryAt)
            {
                if (unknown && !stale)
                {
                    _lastUnknownFetch = now;
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(FetchTimeout);
                try
                {
                    _keys = await FetchAsync(timeout.Token).ConfigureAwait(false);
                    _fetchedAt = now;
                    _backOff = TimeSpan.Zero;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested
                    && ex is HttpRequestException or JsonException or OperationCanceledException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
                {
                    // Keep the keys already known: a metadata outage must not stop a bot that already trusts them.
                    _backOff = _backOff == TimeSpan.Zero ? FirstBackOff : TimeSpan.FromTicks(Math.Min(_backOff.Ticks * 2, LongestBackOff.Ticks));
                    _retryAt = now + _backOff;
                    LogFetchFailed(logger, ex, metadataUrl, _keys.Count, _backOff.TotalSeconds);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OpenID signing keys could not be fetched from {MetadataUrl}; {Known} keys already known stay in use, next try in {Seconds} s")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, string metadataUrl, int known, double seconds);
}
