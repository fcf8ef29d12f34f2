using System.Text.Json.Serialization;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>What became of a save: written (and live, or in the draft), refused by the checks, or refused because the file changed since it was opened.</summary>
/// <param name="Status"><c>saved</c>, <c>invalid</c> (see <paramref name="Errors"/>) or <c>stale</c> (see <paramref name="Diff"/>).</param>
/// <param name="Message">What happened, in words for the page.</param>
/// <param name="File">The file, relative to <c>dialogs/</c>.</param>
/// <param name="Text">The file's text now: the version to base the next edit on.</param>
/// <param name="Errors">Why the checks refused it; the file was not written.</param>
/// <param name="Diff">How the file on disk differs from the version the edit was based on; the file was not written.</param>
/// <param name="Entry">The history entry of the change (live saves).</param>
/// <param name="Live">Whether the bot uses it now: true once the reload took it, false when the reload refused it, null for a draft or while the reload is still under way.</param>
public sealed record SaveResult(
    string Status,
    string Message,
    string File,
    string Text,
    IReadOnlyList<PromptError>? Errors = null,
    IReadOnlyList<DiffLine>? Diff = null,
    HistoryEntry? Entry = null,
    bool? Live = null)
{
    public const string Saved = "saved";
    public const string Invalid = "invalid";
    public const string Stale = "stale";

    [JsonIgnore]
    public int StatusCode => Status switch
    {
        Saved => StatusCodes.Status200OK,
        Stale => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
