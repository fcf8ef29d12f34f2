namespace SupportBot.Web.Admin;

/// <summary>One wording of a prompt: its id, its text and the line of its id in the file.</summary>
public sealed record VariantView(string Id, string Text, int Line);
