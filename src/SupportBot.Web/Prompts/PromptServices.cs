using Microsoft.Extensions.Options;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Prompts;

/// <summary>Registers what admins edit under <c>dialogs/</c>: the prompts and the catalog, and, in the web host, their live reload (which also retrains the message reader).</summary>
public static class PromptServices
{
    /// <summary>The prompts and the catalog, read once when first needed.</summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<PromptFilesOptions>().Bind(configuration.GetSection(PromptFilesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            return PromptSource.Load(Path.Combine(root, options.Directory), SupportPrompts.Definitions);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            return SupportCatalogSource.Load(Path.Combine(root, options.Directory, "catalog"));
        });
        return services;
    }

    /// <summary>
    /// Live reload: edits go live once saved, a bad edit is logged with file and line and refused, and the last good
    /// prompts stay live (<c>GET /healthz</c> says so). The terminal chat does without.
    /// </summary>
    public static IServiceCollection AddPromptReload(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PromptFileWatcher(
            sp.GetRequiredService<PromptSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PromptFileWatcher>>(),
            alsoReload: () =>
            {
                // The catalog first: the message reader retrains with its keywords, the answers with its categories.
                IReadOnlyList<PromptError> errors = sp.GetRequiredService<SupportCatalogSource>().Reload();
                errors = sp.GetService<MessageReaderSource>() is { } reader ? [.. errors, .. reader.Reload()] : errors;
                return sp.GetService<AnswerSource>() is { } answers ? [.. errors, .. answers.Reload()] : errors;
            }));
        services.AddHostedService<PromptReloadService>();
        return services;
    }
}
