namespace SupportBot.Web.Agents;

/// <summary>The name a colleague gives in the console, for customers to see.</summary>
public sealed record NameRequest(string? Name);
