using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>Every prompt of a <c>dialogs</c> folder (live or the draft), file by file, for the studio to browse and edit.</summary>
/// <param name="Draft">Whether these are the draft's files.</param>
/// <param name="Errors">The folder's errors as it is on disk (a hand edit the bot refused); empty when it is valid.</param>
/// <param name="Files">The prompt files, each a step of the conversation.</param>
public sealed record PromptBook(bool Draft, IReadOnlyList<PromptError> Errors, IReadOnlyList<PromptFileView> Files);
