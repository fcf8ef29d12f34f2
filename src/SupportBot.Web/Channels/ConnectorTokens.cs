using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SupportBot.Web.Channels;

/// <summary>
/// The bot's own tokens for the Bot Connector (bot-auth.md §4): client credentials from Entra ID (multi- or
/// single-tenant), or the host's managed identity (UserAssignedMSI). One token serves every conversation; it is
/// cached and renewed when less than five minutes remain. Without an app id there is no token (local and Emulator).
/// </summary>
public sealed class ConnectorTokens(IOptions<ChannelAuthOptions> options, IHttpClientFactory http, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    /// <summary>A token for the Connector, or null when the bot has no app id.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Authenticates)
        {
            return null;
        }

        if (_token is { } cached && time.GetUtcNow() < _expires - RenewBefore)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _expires - RenewBefore)
            {
                return fresh;
            }

            using var client = http.CreateClient("openid");
            using var response = settings.MicrosoftAppType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
                ? await ManagedIdentityAsync(client, settings, cancellationToken).ConfigureAwait(false)
                : await client.PostAsync(new Uri(settings.OutboundTokenEndpoint()), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = settings.MicrosoftAppId,
                    ["client_secret"] = settings.MicrosoftAppPassword,
                    ["scope"] = settings.ConnectorScope,
                }), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The error names the problem (AADSTS…); the request held the secret, so only the answer is reported.
                throw new ConnectorException((int)response.StatusCode, $"token endpoint: {Describe(body)}");
            }

            using var token = JsonDocument.Parse(body);
            var root = token.RootElement;
            var seconds = root.TryGetProperty("expires_in", out var expiresIn) ? (expiresIn.ValueKind == JsonValueKind.String ? long.Parse(expiresIn.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : expiresIn.GetInt64()) : 3600;
            _expires = root.TryGetProperty("expires_on", out var expiresOn) && long.TryParse(expiresOn.ToString(), out var on)
                ? DateTimeOffset.FromUnixTimeSeconds(on)
                : time.GetUtcNow().AddSeconds(seconds);
            _token = root.GetProperty("access_token").GetString();
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static Task<HttpResponseMessage> ManagedIdentityAsync(HttpClient client, ChannelAuthOptions settings, CancellationToken cancellationToken)
    {
        var endpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT") ?? throw new InvalidOperationException("UserAssignedMSI needs the host's managed identity (IDENTITY_ENDPOINT is not set).");
        var resource = Uri.EscapeDataString(settings.ConnectorScope.Replace("/.default", string.Empty, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}?resource={resource}&api-version=2019-08-01&client_id={Uri.EscapeDataString(settings.MicrosoftAppId)}");
        request.Headers.Add("X-IDENTITY-HEADER", Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        return client.SendAsync(request, cancellationToken);
    }

    private static string Describe(string body)
    {
        try
        {
            using var error = JsonDocument.Parse(body);
            return error.RootElement.TryGetProperty("error_description", out var description) ? description.GetString() ?? "error" : "error";
        }
        catch (JsonException)
        {
            return "error";
        }
    }
}
