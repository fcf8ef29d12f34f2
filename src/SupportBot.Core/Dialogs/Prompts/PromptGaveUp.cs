namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>
/// The result a prompt ends with when its <see cref="Prompt{T}.MaxAttempts"/> were used up without an acceptable
/// answer, so the caller can change course (e.g. hand over to a person) instead of looping.
/// </summary>
public sealed record PromptGaveUp(string PromptId, int Attempts, string? LastInput);
