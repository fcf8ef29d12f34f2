using Microsoft.Extensions.Options;
using SupportBot.Core.Sentiment;
using SupportBot.Web.Prompts;

namespace SupportBot.Web.Sentiment;

/// <summary>Registers the sentiment analyzer <c>Sentiment:Provider</c> names; the local one reads its lexicon from the prompt folder.</summary>
public static class SentimentServices
{
    public static IServiceCollection AddSentiment(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<SentimentOptions>().Bind(configuration.GetSection(SentimentOptions.Section))
            .Validate(o => o.Provider is SentimentProvider.Local || (o.Provider is SentimentProvider.AzureLanguage && Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _)), "Sentiment:Provider must be Local, or AzureLanguage with an absolute Sentiment:Endpoint.")
            .Validate(o => o.TimeoutMilliseconds is >= 50 and <= 30_000 && o.FailuresToBreak >= 1 && o.BreakSeconds >= 1, "Sentiment: TimeoutMilliseconds 50-30000, FailuresToBreak and BreakSeconds at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var prompts = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            return LocalSentimentAnalyzer.Load(Path.Combine(root, prompts.Directory, "sentiment-lexicon.tsv"));
        });
        services.AddSingleton<ISentimentAnalyzer>(sp =>
        {
            var local = sp.GetRequiredService<LocalSentimentAnalyzer>();
            var options = sp.GetRequiredService<IOptions<SentimentOptions>>().Value;
            return options.Provider == SentimentProvider.AzureLanguage
                ? new AzureLanguageAnalyzer(options, local, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AzureLanguageAnalyzer>>())
                : local;
        });
        return services;
    }
}
