using Microsoft.Extensions.Options;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Web.Prompts;

namespace SupportBot.Web.Understanding;

/// <summary>
/// Registers the message reader, trained from <c>dialogs/catalog/examples.yaml</c> and the catalog's keywords, and
/// the answers to common questions (<c>answers.yaml</c>), when first needed; both are retrained by the prompt
/// folder's live reload (a bad file keeps the last good reader).
/// </summary>
public static class UnderstandingServices
{
    public static IServiceCollection AddUnderstanding(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<UnderstandingOptions>().Bind(configuration.GetSection(UnderstandingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var prompts = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
            var catalog = sp.GetRequiredService<SupportCatalogSource>();
            return MessageReaderSource.Load(
                Path.Combine(root, prompts.Directory, "catalog"),
                () => catalog.Current.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal),
                new MessageReaderSettings { ConfidenceThreshold = options.ConfidenceThreshold });
        });
        services.AddSingleton<IMessageReader>(sp => sp.GetRequiredService<MessageReaderSource>());
        services.AddSingleton(sp =>
        {
            var prompts = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<UnderstandingOptions>>().Value;
            var catalog = sp.GetRequiredService<SupportCatalogSource>();
            return AnswerSource.Load(Path.Combine(root, prompts.Directory, "catalog"), () => [.. catalog.Current.Categories.Select(c => c.Id)], options.AnswerThreshold);
        });
        return services;
    }
}
