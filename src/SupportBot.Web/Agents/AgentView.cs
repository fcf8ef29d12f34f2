namespace SupportBot.Web.Agents;

/// <summary>
/// The signed-in colleague, as the console shows them: the name customers see and its initials (null until they have
/// given one), and whether they may change it (not when it comes from the configuration or Entra ID).
/// </summary>
public sealed record AgentView(string Login, string? Name, string? Initials, bool CanChangeName);
