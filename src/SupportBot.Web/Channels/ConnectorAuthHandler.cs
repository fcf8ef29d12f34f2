namespace SupportBot.Web.Channels;

/// <summary>Puts the bot's Connector token on requests to trusted service URLs.</summary>
public sealed class ConnectorAuthHandler(ConnectorTokens tokens, TrustedServiceUrls trusted) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } target && trusted.Contains(target) && await tokens.GetAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
