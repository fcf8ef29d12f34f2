namespace SupportBot.Web.Agents;

/// <summary>The <c>Agents</c> section: who may sign in to the agent console.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agents";

    /// <summary>The colleagues, each with a PBKDF2 hash made by <c>supportbot agents hash-password</c> (never a password).</summary>
    public List<AgentAccount> Accounts { get; set; } = [];

    /// <summary>Sign-in with Entra ID (OpenID Connect); empty Authority: local accounts only.</summary>
    public OpenIdConnectSignIn OpenIdConnect { get; set; } = new();
}
