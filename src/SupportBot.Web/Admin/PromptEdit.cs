namespace SupportBot.Web.Admin;

/// <summary>A change to one variant of a prompt, or a new variant when <paramref name="Id"/> is empty.</summary>
/// <param name="File">The prompt file, e.g. <c>greeting.yaml</c>.</param>
/// <param name="Key">The prompt key.</param>
/// <param name="Id">The variant to change; empty to add one.</param>
/// <param name="Text">The new wording.</param>
/// <param name="Base">The file's text as the admin opened it; a save is refused when the file no longer reads so.</param>
/// <param name="Draft">Whether the change goes to the draft rather than live.</param>
public sealed record PromptEdit(string? File, string? Key, string? Id, string? Text, string? Base, bool Draft);
