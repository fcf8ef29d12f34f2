namespace SupportBot.Web.Agents;

/// <summary>One message of a case's conversation as the console shows it (masked): who said it, and when.</summary>
public sealed record TranscriptLine(string Role, string? Name, string Text, DateTimeOffset? At);
