namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Whether a prompt understood the user's input, and as what.</summary>
public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default);
}
