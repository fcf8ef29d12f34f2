using System.Text.Json;
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
        reply = TeamsActivities.ForTeams(reply);
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

        // 202/204 and some channels answer without a ResourceResponse body: the reply was still delivered.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ResourceId(body);
    }

    /// <summary>Replaces an activity the bot sent earlier (a card that changed): <c>PUT …/activities/{activityId}</c>.</summary>
    public async Task UpdateAsync(Activity activity, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity names no conversation.", nameof(activity));
        var url = $"{activity.ServiceUrl?.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        using var content = JsonContent.Create(activity with { Id = activityId, ServiceUrl = null, Timestamp = null }, ActivityJson.Default.Activity);
        using var response = await httpClient.PutAsync(new Uri(url), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException((int)response.StatusCode, url);
        }
    }

    private static string? ResourceId(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var resource = JsonDocument.Parse(body);
            return resource.RootElement is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
