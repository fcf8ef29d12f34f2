namespace SupportBot.Web.Agents;

/// <summary>A text an agent sends: a message, a recap, a note.</summary>
public sealed record AgentText(string? Text);
