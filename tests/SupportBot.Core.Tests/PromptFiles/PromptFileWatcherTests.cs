using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Tests.PromptFiles;

public sealed class PromptFileWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly PromptDefinition[] Definitions =
    [
        PromptDefinition.Of("greeting.welcome", "name"),
        PromptDefinition.Of("closing.thanks", "name"),
    ];

    private const string Good = """
        greeting.welcome:
          - id: welcome-1
            text: "Hi {name}, what went wrong?"
        closing.thanks:
          - id: thanks-1
            text: "Thanks, {name}."
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("supportbot-watch").FullName;
    private readonly RecordingLogger _logger = new();

    public PromptFileWatcherTests() => File.WriteAllText(PromptFile, Good);

    private string PromptFile => Path.Combine(_directory, "prompts.yaml");

    [Fact]
    public async Task PromptFileWatcher_ChangesInQuickSuccession_ReloadOnceAfterQuietPeriod()
    {
        var time = new FakeTimeProvider();
        var source = PromptSource.Load(_directory, Definitions);
        using var watcher = new PromptFileWatcher(source, time, _logger);
        var reloaded = watcher.WaitForReloadAsync();

        watcher.NotifyChanged();
        time.Advance(TimeSpan.FromMilliseconds(200));
        watcher.NotifyChanged();
        time.Advance(TimeSpan.FromMilliseconds(200));
        var settledEarly = reloaded.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.False(settledEarly);
        Assert.True(reloaded.IsCompletedSuccessfully);
        Assert.Empty(await reloaded);
        var next = watcher.WaitForReloadAsync();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(next.IsCompleted);
        Assert.Single(_logger.Messages, m => m.StartsWith("Information: Reloaded 2 prompts (2 variants) from ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromptFileWatcher_BadEditReloaded_LogsEachErrorWithFileAndLine()
    {
        var time = new FakeTimeProvider();
        var source = PromptSource.Load(_directory, Definitions);
        using var watcher = new PromptFileWatcher(source, time, _logger);
        File.WriteAllText(PromptFile, Good.Replace("Thanks, {name}.", "Sorry about that.", StringComparison.Ordinal));
        var reloaded = watcher.WaitForReloadAsync();

        watcher.NotifyChanged();
        time.Advance(PromptFileWatcher.DefaultDebounce);

        Assert.True(reloaded.IsCompleted);
        var errors = await reloaded;
        Assert.Equal(2, errors.Count);
        var folder = Path.GetFileName(_directory);
        Assert.Contains(_logger.Messages, m => m.StartsWith($"Warning: A prompt edit in {folder}/ was refused (2 errors", StringComparison.Ordinal));
        Assert.Contains(_logger.Messages, m => m.StartsWith($"Warning: {folder}/prompts.yaml:6: 'thanks-1' apologizes without saying what for", StringComparison.Ordinal));
        Assert.Contains(_logger.Messages, m => m.StartsWith($"Warning: {folder}/prompts.yaml:6: 'thanks-1' closes without the customer's name", StringComparison.Ordinal));
        Assert.Same(errors, source.LastErrors);
    }

    [Fact]
    public async Task PromptFileWatcher_BadEditThenFix_KeepsLastGoodThenGoesLive()
    {
        var source = PromptSource.Load(_directory, Definitions);
        using var watcher = new PromptFileWatcher(source, TimeProvider.System, _logger);
        watcher.Start();

        var refused = await ReloadAfterAsync(watcher, () => File.WriteAllText(PromptFile, Good.Replace("Thanks, {name}.", "Thanks, {nmae}.", StringComparison.Ordinal)), errors => errors.Count > 0);
        var whileRefused = Thanks(source);
        var accepted = await ReloadAfterAsync(watcher, () => File.WriteAllText(PromptFile, Good.Replace("Thanks, {name}.", "Many thanks, {name}.", StringComparison.Ordinal)), errors => errors.Count == 0);

        var error = Assert.Single(refused);
        Assert.Equal($"{Path.GetFileName(_directory)}/prompts.yaml:6", $"{error.File}:{error.Line}");
        Assert.Contains("{nmae}", error.Message, StringComparison.Ordinal);
        Assert.Equal("Thanks, Dana.", whileRefused);
        Assert.Empty(accepted);
        Assert.Equal("Many thanks, Dana.", Thanks(source));
        Assert.Empty(source.LastErrors);
    }

    [Fact]
    public async Task PromptFileWatcher_EditorSavesThroughRename_GoesLive()
    {
        var source = PromptSource.Load(_directory, Definitions);
        using var watcher = new PromptFileWatcher(source, TimeProvider.System, _logger);
        watcher.Start();

        var errors = await ReloadAfterAsync(watcher, () =>
        {
            var temporary = Path.Combine(_directory, "prompts.yaml.tmp");
            File.WriteAllText(temporary, Good.Replace("Thanks, {name}.", "Cheers, {name}.", StringComparison.Ordinal));
            File.Move(temporary, PromptFile, overwrite: true);
        }, errors => errors.Count == 0 && Thanks(source) != "Thanks, Dana.");

        Assert.Empty(errors);
        Assert.Equal("Cheers, Dana.", Thanks(source));
    }

    [Fact]
    public async Task PromptFileWatcher_FileDeleted_ReportsMissingPromptsAndKeepsLastGood()
    {
        var source = PromptSource.Load(_directory, Definitions);
        using var watcher = new PromptFileWatcher(source, TimeProvider.System, _logger);
        watcher.Start();

        var errors = await ReloadAfterAsync(watcher, () => File.Delete(PromptFile), errors => errors.Count > 0);

        Assert.Contains(errors, e => e.Message.Contains("'closing.thanks' is required", StringComparison.Ordinal));
        Assert.Equal("Thanks, Dana.", Thanks(source));
    }

    [Fact]
    public async Task PromptFileWatcher_Disposed_PendingWaitIsCanceled()
    {
        var source = PromptSource.Load(_directory, Definitions);
        var watcher = new PromptFileWatcher(source, new FakeTimeProvider(), _logger);
        var reloaded = watcher.WaitForReloadAsync();

        watcher.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reloaded);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Thanks(PromptSource source) =>
        source.Current.Render("closing.thanks", new Dictionary<string, string?> { ["name"] = "Dana" }).Text;

    private static async Task<IReadOnlyList<PromptError>> ReloadAfterAsync(PromptFileWatcher watcher, Action edit, Func<IReadOnlyList<PromptError>, bool> done)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await watcher.ReloadAfterAsync(edit, done, timeout.Token);
    }

    private sealed class RecordingLogger : ILogger<PromptFileWatcher>
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
