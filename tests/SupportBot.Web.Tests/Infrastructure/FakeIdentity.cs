using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// The Bot Framework's and Entra ID's side, on 127.0.0.1: OpenID metadata and keys (RSA keys this test owns, with
/// channel endorsements), a client-credentials token endpoint, and a minter of channel tokens signed with those keys.
/// </summary>
public sealed class FakeIdentity : IAsyncDisposable
{
    public const string AppId = "3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a";
    public const string AppPassword = "fake-client-secret-for-tests-only";
    public const string Issuer = "https://api.botframework.com";

    private readonly List<(string Kid, RSA Key, string[] Endorsements)> _keys = [];
    private WebApplication _app = null!;
    private int _keyRequests;
    private int _tokenRequests;

    private FakeIdentity()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public string TokenEndpoint => new Uri(BaseAddress, "oauth2/v2.0/token").ToString();

    /// <summary>How often the keys document was fetched.</summary>
    public int KeyRequests => _keyRequests;

    /// <summary>While true, the keys document answers 503, as an issuer in an outage would.</summary>
    public bool KeysDown { get; set; }

    /// <summary>How often a client-credentials token was asked for.</summary>
    public int TokenRequests => _tokenRequests;

    /// <summary>The access token the endpoint hands out.</summary>
    public string AccessToken { get; } = "outbound-" + Guid.NewGuid().ToString("N");

    /// <summary>The OpenID Connect authority agents sign in with (Entra ID's stand-in).</summary>
    public string Authority => new Uri(BaseAddress, "oidc").ToString();

    /// <summary>The roles the next signed-in user gets in their id_token.</summary>
    public string[] SignInRoles { get; set; } = ["agent"];

    /// <summary>The name claim in the next id_token; null leaves it out.</summary>
    public string? SignInName { get; set; } = "Jordan Lee";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _nonces = new();

    /// <summary>The last token request's form (to check the client id, secret and scope).</summary>
    public IReadOnlyDictionary<string, string>? LastTokenRequest { get; private set; }

    public static async Task<FakeIdentity> StartAsync()
    {
        var identity = new FakeIdentity();
        identity.AddKey("key-1", ["msteams", "directline", "webtest", "emulator"]);
        (identity._app, identity.BaseAddress) = await LoopbackServer.StartAsync(identity.HandleAsync);
        return identity;
    }

    /// <summary>Publishes another key (a rollover), endorsed for <paramref name="endorsements"/>.</summary>
    public RSA AddKey(string kid, string[] endorsements)
    {
        var key = RSA.Create(2048);
        lock (_keys)
        {
            _keys.Add((kid, key, endorsements));
        }

        return key;
    }

    /// <summary>Settings that make the bot trust this identity and use its token endpoint.</summary>
    public Dictionary<string, string> Settings() => new()
    {
        ["Bot:MicrosoftAppId"] = AppId,
        ["Bot:MicrosoftAppPassword"] = AppPassword,
        ["Bot:OpenIdMetadataUrl"] = MetadataUrl,
        ["Bot:EntraMetadataUrl"] = MetadataUrl,
        ["Bot:TokenEndpoint"] = TokenEndpoint,
    };

    /// <summary>A channel token: RS256 with key <paramref name="kid"/>, claims as given (null leaves one out).</summary>
    public string Token(string serviceUrl, string kid = "key-1", string? audience = AppId, string? issuer = Issuer, DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string alg = "RS256", RSA? signWith = null)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = (notBefore ?? now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? now.AddHours(1)).ToUnixTimeSeconds(),
        };
        if (issuer is not null)
        {
            payload["iss"] = issuer;
        }

        if (audience is not null)
        {
            payload["aud"] = audience;
        }

        var input = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        RSA key;
        lock (_keys)
        {
            key = signWith ?? _keys.First(k => k.Kid == kid).Key;
        }

        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Signs any claims as an RS256 JWT with key-1.</summary>
    public string Sign(JsonObject payload) => Sign(payload.ToJsonString());

    /// <summary>Signs any payload text, claims or not, as an RS256 JWT with key-1.</summary>
    public string Sign(string payload)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "key-1" };
        var input = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        RSA key;
        lock (_keys)
        {
            key = _keys.First(k => k.Kid == "key-1").Key;
        }

        return $"{input}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    private async Task HandleAsync(HttpContext http)
    {
        switch (http.Request.Path.Value)
        {
            case "/v1/.well-known/openidconfiguration":
                await Results.Json(new JsonObject { ["issuer"] = Issuer, ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").ToString(), ["id_token_signing_alg_values_supported"] = new JsonArray("RS256") }).ExecuteAsync(http);
                break;
            case "/v1/.well-known/keys":
                Interlocked.Increment(ref _keyRequests);
                if (KeysDown)
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    break;
                }

                var keys = new JsonArray();
                lock (_keys)
                {
                    foreach (var (kid, key, endorsements) in _keys)
                    {
                        var parameters = key.ExportParameters(false);
                        keys.Add(new JsonObject
                        {
                            ["kty"] = "RSA",
                            ["use"] = "sig",
                            ["kid"] = kid,
                            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                            ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
                        });
                    }
                }

                await Results.Json(new JsonObject { ["keys"] = keys }).ExecuteAsync(http);
                break;
            case "/oidc/.well-known/openid-configuration":
                await Results.Json(new JsonObject
                {
                    ["issuer"] = Authority,
                    ["authorization_endpoint"] = Authority + "/authorize",
                    ["token_endpoint"] = Authority + "/token",
                    ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").ToString(),
                    ["response_types_supported"] = new JsonArray("code"),
                    ["subject_types_supported"] = new JsonArray("public"),
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                }).ExecuteAsync(http);
                break;
            case "/oidc/authorize":
                var code = Guid.NewGuid().ToString("N");
                _nonces[code] = http.Request.Query["nonce"].ToString();
                http.Response.Redirect($"{http.Request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(http.Request.Query["state"].ToString())}");
                break;
            case "/oidc/token":
                var exchange = await http.Request.ReadFormAsync();
                var now = DateTimeOffset.UtcNow;
                var claims = new JsonObject
                {
                    ["iss"] = Authority,
                    ["aud"] = exchange["client_id"].ToString(),
                    ["sub"] = "entra-user-1",
                    ["nonce"] = _nonces.TryRemove(exchange["code"].ToString(), out var nonce) ? nonce : "unknown",
                    ["iat"] = now.ToUnixTimeSeconds(),
                    ["nbf"] = now.ToUnixTimeSeconds(),
                    ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
                    ["preferred_username"] = "jordan@contoso.example",
                    ["roles"] = new JsonArray([.. SignInRoles.Select(r => (JsonNode)r)]),
                };
                if (SignInName is not null)
                {
                    claims["name"] = SignInName;
                }

                await Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = "oidc-access", ["id_token"] = Sign(claims) }).ExecuteAsync(http);
                break;
            case "/oauth2/v2.0/token":
                Interlocked.Increment(ref _tokenRequests);
                var form = await http.Request.ReadFormAsync();
                LastTokenRequest = form.ToDictionary(f => f.Key, f => f.Value.ToString());
                await Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = AccessToken }).ExecuteAsync(http);
                break;
            default:
                http.Response.StatusCode = 404;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var (_, key, _) in _keys)
        {
            key.Dispose();
        }
    }
}
