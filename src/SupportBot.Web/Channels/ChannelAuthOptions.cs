namespace SupportBot.Web.Channels;

/// <summary>
/// How the bot proves itself and checks its callers (in the <c>Bot</c> section, next to <c>MicrosoftAppId</c>):
/// the Azure Bot app type, its credential, and the trust anchors (the public cloud's by default; tests point them
/// at a local metadata server).
/// </summary>
public sealed class ChannelAuthOptions
{
    public const string Section = "Bot";

    /// <summary>The Azure Bot app id: inbound tokens must be for it. Empty: only loopback callers, no tokens.</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string MicrosoftAppType { get; set; } = "MultiTenant";

    /// <summary>The app's client secret (MultiTenant, SingleTenant). Set it from the environment (<c>Bot__MicrosoftAppPassword</c>) or a secret store, never in a committed file.</summary>
    public string MicrosoftAppPassword { get; set; } = string.Empty;

    /// <summary>The app's Entra tenant (SingleTenant, UserAssignedMSI).</summary>
    public string MicrosoftAppTenantId { get; set; } = string.Empty;

    /// <summary>The Bot Framework channels' OpenID metadata.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the Bot Framework channels' tokens.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Entra ID's OpenID metadata, for tokens Entra issues (the Emulator, skills).</summary>
    public string EntraMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Where the bot gets its own tokens for the Bot Connector; empty: Entra's, from the app type.</summary>
    public string TokenEndpoint { get; set; } = string.Empty;

    /// <summary>The scope of the bot's outbound tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Allowed clock difference on token lifetimes.</summary>
    public int ClockSkewMinutes { get; set; } = 5;

    /// <summary>Whether an app id is configured, so every inbound request must carry a valid token.</summary>
    public bool Authenticates => MicrosoftAppId.Length > 0;

    /// <summary>The Entra issuers accepted for Entra-issued tokens: the Bot Framework tenants, and the bot's own for single-tenant bots.</summary>
    public IEnumerable<string> EntraIssuers()
    {
        var tenants = new List<string> { "d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a" };
        if (MicrosoftAppTenantId.Length > 0)
        {
            tenants.Add(MicrosoftAppTenantId);
        }

        return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" });
    }

    /// <summary>The token endpoint for the bot's outbound tokens.</summary>
    public string OutboundTokenEndpoint() => TokenEndpoint.Length > 0
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(MicrosoftAppType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase) ? MicrosoftAppTenantId : "botframework.com")}/oauth2/v2.0/token";
}
