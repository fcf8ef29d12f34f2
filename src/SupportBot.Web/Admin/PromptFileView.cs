namespace SupportBot.Web.Admin;

/// <summary>One prompt file: the step it covers, its text as on disk (what an edit is based on) and its prompts.</summary>
public sealed record PromptFileView(string File, string Step, string Text, IReadOnlyList<PromptView> Prompts);
