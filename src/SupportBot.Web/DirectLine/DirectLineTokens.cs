using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// Mints and checks Direct Line tokens: compact JWTs signed with HMAC-SHA256, carrying the conversation
/// (<c>conv</c>), the user (<c>user</c>, the claim botframework-directlinejs and Web Chat read the user id from),
/// the display name (<c>name</c>) and the expiry. The signing key is derived from the configured secret, or is a
/// random key kept in the database (PostgreSQL, for every instance) or the data folder, so tokens outlive a restart
/// and are valid on every instance. Neither is ever logged.
/// </summary>
public sealed class DirectLineTokens
{
    private const string Issuer = "supportbot";
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8));
    private readonly byte[] _key;
    private readonly byte[]? _secret;
    private readonly TimeProvider _time;

    public DirectLineTokens(byte[] key, string? secret, TimeSpan lifetime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _secret = string.IsNullOrEmpty(secret) ? null : Encoding.UTF8.GetBytes(secret);
        Lifetime = lifetime;
        _time = time;
    }

    /// <summary>How long a minted token lives.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>
    /// The signing key for <paramref name="secret"/> when one is configured; otherwise the key stored in
    /// <paramref name="shared"/>'s <c>keys</c> table, which every instance sharing the database uses (the first to
    /// need one makes it), or in <paramref name="keyFile"/> (created, readable by the owner only, on first use), or a
    /// fresh key when there is no file to keep it in.
    /// </summary>
    public static byte[] SigningKey(string? secret, PostgresDatabase? shared, string? keyFile)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "SupportBot Direct Line token signing"u8);
        }

        if (shared is not null)
        {
            using var command = shared.DataSource.CreateCommand("""
                INSERT INTO keys (name, value) VALUES ('directline/token-signing', @key) ON CONFLICT (name) DO NOTHING;
                SELECT value FROM keys WHERE name = 'directline/token-signing';
                """);
            command.Parameters.AddWithValue("key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            return Convert.FromBase64String((string)command.ExecuteScalar()!);
        }

        if (keyFile is null)
        {
            return RandomNumberGenerator.GetBytes(32);
        }

        if (File.Exists(keyFile) && Convert.FromBase64String(File.ReadAllText(keyFile).Trim()) is { Length: >= 32 } stored)
        {
            return stored;
        }

        var key = RandomNumberGenerator.GetBytes(32);
        Hosting.PrivateFile.Write(keyFile, Convert.ToBase64String(key));
        return key;
    }

    /// <summary>A new conversation id: 22 random URL-safe characters.</summary>
    public static string NewConversationId() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22);

    /// <summary>A user id for a visitor the site did not name: <c>dl_</c> and 16 random characters.</summary>
    public static string NewUserId() => "dl_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);

    /// <summary>Mints a token for one conversation and, when known, its user.</summary>
    public (string Token, DirectLineGrant Grant) Issue(string conversationId, string? userId, string? userName, IReadOnlyList<string>? trustedOrigins = null)
    {
        var now = _time.GetUtcNow();
        var grant = new DirectLineGrant(conversationId, userId, userName, now + Lifetime, trustedOrigins is { Count: > 0 } ? trustedOrigins : null);
        var payload = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteString("conv", conversationId);
            if (userId is not null)
            {
                json.WriteString("user", userId);
            }

            if (userName is not null)
            {
                json.WriteString("name", userName);
            }

            if (grant.TrustedOrigins is { } origins)
            {
                json.WriteStartArray("origins");
                foreach (var origin in origins)
                {
                    json.WriteStringValue(origin);
                }

                json.WriteEndArray();
            }

            json.WriteNumber("iat", now.ToUnixTimeSeconds());
            json.WriteNumber("exp", grant.Expires.ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        var signingInput = $"{Encoding.ASCII.GetString(Header)}.{Base64Url.EncodeToString(payload.WrittenSpan)}";
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return ($"{signingInput}.{Base64Url.EncodeToString(signature)}", grant);
    }

    /// <summary>A new token with the same conversation and user, for a token that has not expired yet.</summary>
    public (string Token, DirectLineGrant Grant) Refresh(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return Issue(grant.ConversationId, grant.UserId, grant.UserName, grant.TrustedOrigins);
    }

    /// <summary>
    /// The session id of <c>session/getsessionid</c>: stable for one conversation and user, so the sign-in flow that
    /// asks for it twice gets the same id, and meaningless to anyone without the signing key.
    /// </summary>
    public string SessionId(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"session\n{grant.ConversationId}\n{grant.UserId}"));
        return Base64Url.EncodeToString(mac.AsSpan(0, 18));
    }

    /// <summary>Whole seconds until the grant's token expires (Direct Line's <c>expires_in</c>).</summary>
    public int SecondsLeft(DirectLineGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return (int)Math.Max(0, (grant.Expires - _time.GetUtcNow()).TotalSeconds);
    }

    /// <summary>Checks a bearer credential: the secret, or a token this server signed and that has not expired.</summary>
    public CredentialCheck Check(string credential, out DirectLineCaller? caller)
    {
        caller = null;
        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
        {
            caller = new DirectLineCaller(HasSecret: true, Grant: null);
            return CredentialCheck.Valid;
        }

        var parts = credential.Split('.');
        if (parts.Length != 3 || parts[0].Length > 64 || parts[1].Length > 2048)
        {
            return CredentialCheck.Invalid;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        Span<byte> signature = stackalloc byte[64];
        if (!Base64Url.IsValid(parts[2]) || !Base64Url.TryDecodeFromChars(parts[2], signature, out var written)
            || !CryptographicOperations.FixedTimeEquals(signature[..written], expected) || !Base64Url.IsValid(parts[1]))
        {
            return CredentialCheck.Invalid;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = payload.RootElement;
            if (!root.TryGetProperty("conv", out var conv) || conv.GetString() is not { Length: > 0 } conversationId
                || !root.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expires)
                || expires < 0 || expires > MaxUnixSeconds)
            {
                return CredentialCheck.Invalid;
            }

            var grant = new DirectLineGrant(
                conversationId,
                root.TryGetProperty("user", out var user) ? user.GetString() : null,
                root.TryGetProperty("name", out var name) ? name.GetString() : null,
                DateTimeOffset.FromUnixTimeSeconds(expires),
                root.TryGetProperty("origins", out var origins) ? [.. origins.EnumerateArray().Select(o => o.GetString() ?? throw new FormatException("origins holds a non-string"))] : null);
            if (_time.GetUtcNow() >= grant.Expires)
            {
                return CredentialCheck.Expired;
            }

            caller = new DirectLineCaller(HasSecret: false, grant);
            return CredentialCheck.Valid;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return CredentialCheck.Invalid;
        }
    }
}
