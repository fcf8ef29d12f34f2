using Microsoft.Extensions.Logging;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// Live reload: watches the prompt folder and its subfolders (<c>*.yaml</c>, <c>*.yml</c>) and reloads <see cref="PromptSource"/>
/// (and whatever else reads that folder, such as the catalog in <c>dialogs/catalog/</c>)
/// once the edits settle. Editors save in several steps (truncate, write, rename), so each change restarts a short
/// quiet period and only its end reloads. A bad edit is logged with file and line and the last good prompts stay
/// live; nothing here ever throws at the running bot.
/// </summary>
public sealed partial class PromptFileWatcher : IDisposable
{
    /// <summary>The quiet period after the last change before reloading.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(250);

    private readonly PromptSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _debounce;
    private readonly Func<IReadOnlyList<PromptError>>? _alsoReload;
    private readonly Lock _gate = new();
    private TaskCompletionSource<IReadOnlyList<PromptError>> _nextReload = NewSignal();
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private bool _disposed;

    /// <param name="source">The prompts to reload.</param>
    /// <param name="timeProvider">Times the quiet period; tests pass a fake one and advance it.</param>
    /// <param name="logger">Where reloads and refused edits are reported.</param>
    /// <param name="debounce">The quiet period; <see cref="DefaultDebounce"/> when null.</param>
    /// <param name="alsoReload">Another reload to run with the prompts' (the catalog's); its errors are reported alike.</param>
    public PromptFileWatcher(PromptSource source, TimeProvider timeProvider, ILogger<PromptFileWatcher> logger, TimeSpan? debounce = null, Func<IReadOnlyList<PromptError>>? alsoReload = null)
    {
        _alsoReload = alsoReload;
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _source = source;
        _time = timeProvider;
        _logger = logger;
        _debounce = debounce ?? DefaultDebounce;
    }

    /// <summary>Starts watching the folder. Calling it again does nothing.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_watcher is not null)
            {
                return;
            }

            var watcher = new FileSystemWatcher(_source.Directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = true,
            };
            watcher.Filters.Add("*.yaml");
            watcher.Filters.Add("*.yml");
            watcher.Changed += OnFileChanged;
            watcher.Created += OnFileChanged;
            watcher.Deleted += OnFileChanged;
            watcher.Renamed += OnFileChanged;
            watcher.Error += OnWatcherError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
    }

    /// <summary>
    /// Schedules a reload after the quiet period, as a file change does; each call restarts the period. For
    /// changes the folder watch cannot see, and for tests.
    /// </summary>
    public void NotifyChanged()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _timer ??= _time.CreateTimer(static state => ((PromptFileWatcher)state!).ReloadNow(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Completes with the errors of the next reload that starts after this call (empty when the new prompts went
    /// live). Ask before making the change, then await: no reload can slip in between.
    /// </summary>
    public Task<IReadOnlyList<PromptError>> WaitForReloadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _nextReload.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Makes an edit and awaits reloads until one's errors satisfy <paramref name="until"/> (the wait is taken
    /// before the edit, so no reload slips past; a late reload of an earlier edit is skipped). For admin tooling
    /// and tests that must know when an edit went live or was refused.
    /// </summary>
    public async Task<IReadOnlyList<PromptError>> ReloadAfterAsync(Action edit, Func<IReadOnlyList<PromptError>, bool> until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(until);
        var reloaded = WaitForReloadAsync(cancellationToken);
        edit();
        while (true)
        {
            var errors = await reloaded.ConfigureAwait(false);
            if (until(errors))
            {
                return errors;
            }

            reloaded = WaitForReloadAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _watcher?.Dispose();
            _timer?.Dispose();
            _nextReload.TrySetCanceled();
        }
    }

    private void OnFileChanged(object? sender, FileSystemEventArgs e) => NotifyChanged();

    private void OnWatcherError(object? sender, ErrorEventArgs e)
    {
        // Usually an overflow of the change buffer: some events were lost, so reload to catch up.
        var exception = e.GetException();
        LogWatcherError(_logger, _source.Directory, exception);
        NotifyChanged();
    }

    private void ReloadNow()
    {
        TaskCompletionSource<IReadOnlyList<PromptError>> signal;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            signal = _nextReload;
            _nextReload = NewSignal();
        }

        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(_source.Directory)));
        IReadOnlyList<PromptError> errors;
        try
        {
            errors = _source.Reload();
            if (_alsoReload?.Invoke() is { Count: > 0 } more)
            {
                errors = [.. errors, .. more];
            }
        }
        catch (Exception ex)
        {
            // This runs on a timer: an exception escaping it would end the process. Whatever went wrong, the bot
            // keeps its last good prompts and the author gets the message.
            LogReloadFailed(_logger, folder, ex);
            errors = [new PromptError(folder, 0, $"Reloading failed: {ex.Message}")];
        }

        if (errors.Count == 0)
        {
            var catalog = _source.Current;
            var prompts = catalog.Keys.Count();
            var variants = catalog.VariantCount;
            LogReloaded(_logger, prompts, variants, folder);
        }
        else
        {
            LogRefused(_logger, errors.Count, folder);
            foreach (var error in errors)
            {
                LogPromptError(_logger, error.File, error.Line, error.Message);
            }
        }

        signal.TrySetResult(errors);
    }

    private static TaskCompletionSource<IReadOnlyList<PromptError>> NewSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloaded {PromptCount} prompts ({VariantCount} variants) from {Folder}/")]
    private static partial void LogReloaded(ILogger logger, int promptCount, int variantCount, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A prompt edit in {Folder}/ was refused ({ErrorCount} errors below); the last good prompts stay live. 'supportbot prompts check' lists them too.")]
    private static partial void LogRefused(ILogger logger, int errorCount, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File}:{Line}: {Problem}")]
    private static partial void LogPromptError(ILogger logger, string file, int line, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the prompts from {Folder}/ failed; the last good prompts stay live")]
    private static partial void LogReloadFailed(ILogger logger, string folder, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching the prompt folder {Directory} reported an error; reloading to catch up")]
    private static partial void LogWatcherError(ILogger logger, string directory, Exception exception);
}
