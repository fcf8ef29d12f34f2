namespace SupportBot.Web.Agents;

/// <summary>One colleague: the name they sign in with, the name customers see, and their password hash.</summary>
public sealed class AgentAccount
{
    public string Login { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    /// <summary><c>agent</c> (the default) and/or <c>admin</c>.</summary>
    public List<string> Roles { get; set; } = [];
}
