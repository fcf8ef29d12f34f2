using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Prompts;

/// <summary>Starts watching the prompt folder with the host and stops with it.</summary>
public sealed class PromptReloadService(PromptFileWatcher watcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        watcher.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        watcher.Dispose();
        return Task.CompletedTask;
    }
}
