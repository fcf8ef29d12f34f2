using System.Text.RegularExpressions;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Admin;

/// <summary>
/// Reads and writes the files under <c>dialogs/</c> for the studio; the files stay the source of truth, so an edit by
/// hand and one in the browser are alike. A save is based on the text the admin opened and is refused, with a diff,
/// when the file changed since; it is checked as the files are checked and refused with the errors when it fails;
/// otherwise it is written whole (a new file moved over the old), remembered in the history, and applied by the
/// live reload before the answer, so the next customer turn uses it. Saves run one at a time.
/// </summary>
public sealed partial class StudioFiles(PromptSource prompts, PromptFileWatcher watcher, EditHistory history, DraftFolder draft, TimeProvider time, ILogger<StudioFiles> logger) : IDisposable
{
    /// <summary>How long a save waits for the live reload (which retrains the reader) before answering without it.</summary>
    public static readonly TimeSpan ReloadPatience = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public string LiveDirectory => prompts.Directory;

    public DraftFolder Draft => draft;

    public EditHistory History => history;

    /// <summary>The folder edits go to: the draft's (started on first use) or the live one.</summary>
    public string Directory(bool toDraft)
    {
        if (toDraft)
        {
            draft.EnsureStarted();
            return draft.Directory;
        }

        return LiveDirectory;
    }

    /// <summary>A file's text; <paramref name="file"/> is checked to be one of the folder's own.</summary>
    /// <exception cref="ArgumentException">The name is not a file of <c>dialogs/</c>.</exception>
    public static string Read(string directory, string file) => File.ReadAllText(PathOf(directory, file));

    /// <summary>
    /// Applies <paramref name="edit"/> to <paramref name="file"/> when the file still reads <paramref name="based"/>,
    /// checks the result and writes it; see the class summary.
    /// </summary>
    public async Task<SaveResult> SaveAsync(bool toDraft, string file, string based, Func<string, string> edit, string who, string summary, CancellationToken cancellationToken, string? rollsBack = null)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(based);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = Directory(toDraft);
            var path = PathOf(directory, file);
            var current = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;
            if (!SameText(current, based))
            {
                return new SaveResult(SaveResult.Stale, $"{file} changed since you opened it (by hand or by another admin), so nothing was saved. Here is what changed; reload to edit the newer version.", file, current, Diff: LineDiff.Of(based, current));
            }

            string changed;
            try
            {
                changed = edit(current);
            }
            catch (FormatException ex)
            {
                return new SaveResult(SaveResult.Invalid, ex.Message, file, current, Errors: [new PromptError($"{StudioChecks.Display}/{file}", 0, ex.Message)]);
            }

            var errors = StudioChecks.Check(directory, file, changed);
            if (errors.Count > 0)
            {
                return new SaveResult(SaveResult.Invalid, $"Nothing was saved: the change breaks {errors.Count} {(errors.Count == 1 ? "check" : "checks")}.", file, current, Errors: errors);
            }

            if (toDraft)
            {
                await WriteAsync(path, changed, cancellationToken).ConfigureAwait(false);
                draft.Touched();
                return new SaveResult(SaveResult.Saved, "Saved to the draft: try it in the test chat, then publish.", file, changed);
            }

            var (entries, live, reloadErrors) = await PublishAsync([(file, current, changed)], who, summary, rollsBack, cancellationToken).ConfigureAwait(false);
            return new SaveResult(SaveResult.Saved, LiveMessage(live), file, changed, Errors: reloadErrors, Entry: entries[0], Live: live);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Publishes the draft: refused with a diff when a file it changed was changed live since the draft began, or
    /// with the errors when the draft as a whole fails the checks; otherwise every changed file is written live and
    /// remembered, the reload applies them together, and the draft is gone.
    /// </summary>
    public async Task<SaveResult> PublishDraftAsync(string who, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changes = draft.Changes();
            if (changes.Count == 0)
            {
                return new SaveResult(SaveResult.Invalid, "The draft changes nothing, so there is nothing to publish.", string.Empty, string.Empty, Errors: []);
            }

            foreach (var (file, original, _) in changes)
            {
                var livePath = PathOf(LiveDirectory, file);
                var now = File.Exists(livePath) ? await File.ReadAllTextAsync(livePath, cancellationToken).ConfigureAwait(false) : string.Empty;
                if (!SameText(now, original ?? string.Empty))
                {
                    return new SaveResult(SaveResult.Stale, $"{file} changed live since the draft began, so nothing was published. Here is what changed live; discard the draft or make the change again on the newer version.", file, now, Diff: LineDiff.Of(original ?? string.Empty, now));
                }
            }

            var errors = StudioChecks.CheckAll(draft.Directory);
            if (errors.Count > 0)
            {
                return new SaveResult(SaveResult.Invalid, "Nothing was published: the draft breaks these checks.", string.Empty, string.Empty, Errors: errors);
            }

            var (entries, live, reloadErrors) = await PublishAsync([.. changes.Select(c => (c.File, c.Base ?? string.Empty, c.Draft))], who, "published from the draft", null, cancellationToken).ConfigureAwait(false);
            draft.Discard();
            return new SaveResult(SaveResult.Saved, $"Published {changes.Count} {(changes.Count == 1 ? "file" : "files")} from the draft. " + LiveMessage(live), string.Join(", ", changes.Select(c => c.File)), string.Empty, Errors: reloadErrors, Entry: entries[^1], Live: live);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<(List<HistoryEntry> Entries, bool? Live, IReadOnlyList<PromptError> Errors)> PublishAsync(IReadOnlyList<(string File, string Before, string After)> files, string who, string summary, string? rollsBack, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        foreach (var (file, before, after) in files)
        {
            await WriteAsync(PathOf(LiveDirectory, file), after, cancellationToken).ConfigureAwait(false);
            var entry = new HistoryEntry(Guid.NewGuid().ToString("N")[..12], time.GetUtcNow(), who, file, summary, rollsBack);
            await history.AddAsync(entry, new HistoryTexts(before, after), cancellationToken).ConfigureAwait(false);
            entries.Add(entry);
            LogSaved(logger, who, file, summary);
        }

        // The reload is asked for after the write, so the reload that answers reads the new text (the folder watch
        // may ask too; that only delays it).
        var reloaded = watcher.WaitForReloadAsync(cancellationToken);
        watcher.NotifyChanged();
        try
        {
            var errors = await reloaded.WaitAsync(ReloadPatience, time, cancellationToken).ConfigureAwait(false);
            return (entries, errors.Count == 0, errors);
        }
        catch (TimeoutException)
        {
            return (entries, null, []);
        }
    }

    private static string LiveMessage(bool? live) => live switch
    {
        true => "Saved and live: the bot uses it from the next message.",
        false => "Saved, but the live reload refused the folder (see the errors): the bot keeps its last good files until they are fixed.",
        null => "Saved; the bot is still applying it.",
    };

    private static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        // A whole new file moved over the old: the bot's reload never reads half of it.
        var temporary = path + ".saving";
        await File.WriteAllTextAsync(temporary, text, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool SameText(string a, string b) =>
        string.Equals(a.Replace("\r\n", "\n", StringComparison.Ordinal), b.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

    /// <summary>The full path of a file of the folder, refusing any name that is not one (no other folders, no "..").</summary>
    public static string PathOf(string directory, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!FileName().IsMatch(file))
        {
            throw new ArgumentException($"'{file}' is not a file the studio edits: a .yaml file of dialogs/ or of dialogs/catalog/.", nameof(file));
        }

        return Path.Combine(directory, file);
    }

    [GeneratedRegex(@"^(catalog/)?[a-z0-9][a-z0-9_-]*\.ya?ml$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {Who} saved {File} in the studio: {Summary}")]
    private static partial void LogSaved(ILogger logger, string who, string file, string summary);
}
