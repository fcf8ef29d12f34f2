namespace SupportBot.Web.Agents;

/// <summary>Who already took a case another agent tried to accept.</summary>
public sealed record Taken(string Agent);
