using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Core.Activities;

namespace SupportBot.Web.Channels;

/// <summary>
/// Checks the Bearer JWT on <c>POST /api/messages</c> the way Azure Bot Service signs it (bot-auth.md §1): RS256
/// with a key from the issuer's OpenID metadata (picked by the unverified <c>iss</c>: the Bot Framework's, or
/// Entra ID's for the Emulator and skills), the issuer, the audience (the bot's app id), the lifetime with a small
/// clock skew, the <c>serviceurl</c> claim against the activity, and the key's channel endorsements. Anything else
/// is refused; there is no switch to turn the check off.
/// </summary>
public sealed class ChannelAuthenticator : IDisposable
{
    /// <summary>The caller id an authenticated Azure channel activity is marked with.</summary>
    public const string AzureCallerId = "urn:botframework:azure";

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    private readonly ChannelAuthOptions _options;
    private readonly TimeProvider _time;
    private readonly OpenIdKeys _botFramework;
    private readonly OpenIdKeys _entra;

    public ChannelAuthenticator(IOptions<ChannelAuthOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<OpenIdKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        _options = options.Value;
        _time = time;
        _botFramework = new OpenIdKeys(http.CreateClient("openid"), _options.OpenIdMetadataUrl, time, logger);
        _entra = new OpenIdKeys(http.CreateClient("openid"), _options.EntraMetadataUrl, time, logger);
    }

    /// <summary>
    /// Checks <paramref name="authorization"/> (the header value) on its own: signature, issuer, audience and lifetime.
    /// Runs before the body is read, so a caller without a valid token costs no body read. What it returns is checked
    /// against the activity with <see cref="Check(ChannelToken, Activity)"/>.
    /// </summary>
    public async Task<(ChannelToken? Token, AuthFailure? Failure)> ValidateTokenAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorization) || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (null, Unauthorized("send 'Authorization: Bearer <token>' from the Bot Connector"));
        }

        var parts = authorization["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return (null, Unauthorized("the token is not a signed JWT"));
        }

        JsonDocument headerDocument, payloadDocument;
        try
        {
            headerDocument = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            payloadDocument = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        }
        catch (JsonException)
        {
            return (null, Unauthorized("the token is not a signed JWT"));
        }

        using (headerDocument)
        using (payloadDocument)
        {
            if (headerDocument.RootElement.ValueKind != JsonValueKind.Object || payloadDocument.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Unauthorized("the token is not a signed JWT"));
            }

            return await ValidateAsync(parts, headerDocument.RootElement, payloadDocument.RootElement, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The checks a valid token makes of its activity: the <c>serviceurl</c> claim and the key's channel endorsements.</summary>
    public static AuthFailure? Check(ChannelToken token, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(activity);
        if (!token.FromBotFramework)
        {
            return null;
        }

        if (token.ServiceUrl is null || !string.Equals(token.ServiceUrl.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized("the token's serviceurl does not match the activity's serviceUrl");
        }

        return token.Endorsements.Count > 0 && activity.ChannelId is { } channel && !token.Endorsements.Contains(channel)
            ? new AuthFailure(StatusCodes.Status403Forbidden, $"the signing key is not endorsed for the '{channel}' channel")
            : null;
    }

    public void Dispose()
    {
        _botFramework.Dispose();
        _entra.Dispose();
    }

    private async Task<(ChannelToken? Token, AuthFailure? Failure)> ValidateAsync(string[] parts, JsonElement header, JsonElement payload, CancellationToken cancellationToken)
    {
        var algorithm = String(header, "alg") switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (algorithm is null || String(header, "kid") is not { Length: > 0 } keyId)
        {
            return (null, Unauthorized("the token must be signed with RS256 and name its key"));
        }

        var issuer = String(payload, "iss");
        var fromBotFramework = issuer == _options.Issuer;
        if (!fromBotFramework && !_options.EntraIssuers().Contains(issuer))
        {
            return (null, Unauthorized("the token's issuer is not trusted"));
        }

        var key = await (fromBotFramework ? _botFramework : _entra).FindAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return (null, Unauthorized("the token's signing key is unknown"));
        }

        using (var rsa = RSA.Create(key.Parameters))
        {
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), algorithm.Value, RSASignaturePadding.Pkcs1))
            {
                return (null, Unauthorized("the token's signature is not valid"));
            }
        }

        if (!Audiences(payload).Contains(_options.MicrosoftAppId))
        {
            return (null, Unauthorized("the token is not for this bot"));
        }

        var now = _time.GetUtcNow();
        var skew = TimeSpan.FromMinutes(_options.ClockSkewMinutes);
        if (Time(payload, "exp") is not { } expires || now - skew > expires)
        {
            return (null, Unauthorized("the token has expired, or its 'exp' is not a time"));
        }

        if (payload.TryGetProperty("nbf", out _) && (Time(payload, "nbf") is not { } notBefore || now + skew < notBefore))
        {
            return (null, Unauthorized("the token is not valid yet, or its 'nbf' is not a time"));
        }

        if (!fromBotFramework && (String(payload, "ver") == "2.0" ? String(payload, "azp") is null : String(payload, "appid") is null))
        {
            return (null, Unauthorized("the Entra token names no calling app"));
        }

        return (new ChannelToken(fromBotFramework, String(payload, "serviceurl"), key.Endorsements), null);
    }

    private static AuthFailure Unauthorized(string reason) => new(StatusCodes.Status401Unauthorized, reason);

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim (seconds since 1970) as a time; null when missing, not a number, or beyond any date.</summary>
    private static DateTimeOffset? Time(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
        && seconds >= 0 && seconds <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static List<string> Audiences(JsonElement payload) =>
        !payload.TryGetProperty("aud", out var aud) ? []
        : aud.ValueKind == JsonValueKind.Array ? [.. aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!)]
        : aud.ValueKind == JsonValueKind.String ? [aud.GetString()!] : [];
}
