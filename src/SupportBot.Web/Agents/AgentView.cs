namespace SupportBot.Web.Agents;

/// <summary>The signed-in colleague, as the console shows them.</summary>
public sealed record AgentView(string Login, string Name);
