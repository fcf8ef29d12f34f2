namespace SupportBot.Core.PromptFiles;

/// <summary>A problem in a prompt file, for its author: where, and what is wrong.</summary>
/// <param name="File">The file, e.g. <c>dialogs/empathy.yaml</c>, or the folder for a problem no single file has.</param>
/// <param name="Line">The 1-based line, or 0 when the problem is not on one line (a prompt no file defines).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record PromptError(string File, int Line, string Message)
{
    /// <summary><c>file:line: message</c>, the form compilers use, so editors and CI logs can link to it.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
