namespace SupportBot.Core.PromptFiles;

/// <summary>A problem in a prompt file, for its author: where, and what is wrong.</summary>
public sealed record PromptError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
