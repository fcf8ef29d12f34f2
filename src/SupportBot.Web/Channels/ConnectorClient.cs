using SupportBot.Core.Activities;

namespace SupportBot.Web.Channels;

/// <summary>
/// The Bot Connector REST client (activity-protocol.md §7): replies go to
/// <c>{serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>. Timeouts and retries come from
/// the resilience pipeline registered with the typed client.
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient)
{
    /// <summary>Sends a reply, threaded under the activity it answers when it names one.</summary>
    public async Task<string?> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var conversationId = reply.Conversation?.Id ?? throw new ArgumentException("The reply names no conversation.", nameof(reply));
        var url = $"{reply.ServiceUrl?.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (reply.ReplyToId is { Length: > 0 } replyToId)
        {
            url += "/" + Uri.EscapeDataString(replyToId);
        }

        using var content = JsonContent.Create(reply with { ServiceUrl = null, Timestamp = null }, ActivityJson.Default.Activity);
        using var response = await httpClient.PostAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, url);
        }

        var resource = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement?>(cancellationToken).ConfigureAwait(false);
        return resource is { ValueKind: System.Text.Json.JsonValueKind.Object } r && r.TryGetProperty("id", out var id) ? id.GetString() : null;
    }
}
