namespace SupportBot.Web.Agents;

/// <summary>Where the agents' Teams channel is (a stored conversation reference): empty means no Teams cards.</summary>
public sealed class TeamsChannelOptions
{
    public string ServiceUrl { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public bool Configured => ServiceUrl.Length > 0 && ConversationId.Length > 0;
}
