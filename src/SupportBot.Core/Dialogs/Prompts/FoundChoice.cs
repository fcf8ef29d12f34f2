namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>The choice a user picked: its value, its position in the list, and what they typed that matched.</summary>
public sealed record FoundChoice(string Value, int Index, string Matched);
