namespace SupportBot.Web.Agents;

/// <summary>
/// Entra ID sign-in for agents and admins: the app registration's authority, client id and secret. Roles come from the
/// token's <c>roles</c> claim (app roles named <c>agent</c> and <c>admin</c>).
/// </summary>
public sealed class OpenIdConnectSignIn
{
    /// <summary>e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string Authority { get; set; } = string.Empty;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>Set it from the environment (<c>Agents__OpenIdConnect__ClientSecret</c>), never in a committed file.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    public bool Configured => Authority.Length > 0 && ClientId.Length > 0;
}
