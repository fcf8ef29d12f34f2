namespace SupportBot.Core.PromptFiles;

/// <summary>One wording of a prompt, with the stable id used for no-repeat tracking and analytics, and where it was written.</summary>
public sealed record PromptVariant(string Id, string Text, string File, int Line);
