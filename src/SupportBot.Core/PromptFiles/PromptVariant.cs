namespace SupportBot.Core.PromptFiles;

/// <summary>One wording of a prompt, with the stable id used for no-repeat tracking and analytics, and where it was written.</summary>
/// <param name="Id">The stable id.</param>
/// <param name="Text">The wording, with <c>{variables}</c> still in it.</param>
/// <param name="File">The file it was read from, e.g. <c>dialogs/empathy.yaml</c>.</param>
/// <param name="Line">The line of its <c>id</c>.</param>
public sealed record PromptVariant(string Id, string Text, string File, int Line)
{
    /// <summary>The line of its <c>text</c>, where wording problems are reported; 0 when not read from a file.</summary>
    public int TextLine { get; init; }
}
