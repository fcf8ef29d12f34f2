using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;

namespace SupportBot.Web.Hosting;

/// <summary>
/// Live reload of <c>dialogs/</c> in the web host: edits go live once saved, a bad edit is logged with file and line
/// and refused, and the last good prompts stay live (<c>GET /healthz</c> says so). The terminal chat does without.
/// </summary>
public static class PromptReloadServices
{
    public static IServiceCollection AddPromptReload(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PromptFileWatcher(
            sp.GetRequiredService<PromptSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PromptFileWatcher>>(),
            alsoReload: sp.GetRequiredService<SupportCatalogSource>().Reload));
        services.AddHostedService<PromptReloadService>();
        return services;
    }
}
