using Microsoft.Extensions.Options;
using SupportBot.Core.Bot;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Agents;

namespace SupportBot.Web.Hosting;

/// <summary>Registers the bot pipeline (storage, prompts, dialogs, adapter), shared by the web host and the terminal chat.</summary>
public static class SupportBotServices
{
    public static IServiceCollection AddSupportBot(this IServiceCollection services, IConfiguration configuration, string root)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Provider != "Postgres" || o.ConnectionString.Length > 0, "Storage:ConnectionString is needed when Storage:Provider is Postgres.")
            .ValidateOnStart();
        services.AddOptions<PromptFilesOptions>().Bind(configuration.GetSection(PromptFilesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessagesOptions>().Bind(configuration.GetSection(MessagesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.Section))
            .Validate(o => o.MaxUnderlyingIssues >= 0 && o.MaxRemediesOffered >= 1 && o.MaxAttempts >= 1, "Support: MaxUnderlyingIssues must be 0 or more, MaxRemediesOffered and MaxAttempts at least 1.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
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
        services.AddOptions<Sentiment.SentimentOptions>().Bind(configuration.GetSection(Sentiment.SentimentOptions.Section))
            .Validate(o => o.Provider is "Local" || (o.Provider is "AzureLanguage" && Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _)), "Sentiment:Provider must be Local, or AzureLanguage with an absolute Sentiment:Endpoint.")
            .Validate(o => o.TimeoutMilliseconds is >= 50 and <= 30_000 && o.FailuresToBreak >= 1 && o.BreakSeconds >= 1, "Sentiment: TimeoutMilliseconds 50-30000, FailuresToBreak and BreakSeconds at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PromptFilesOptions>>().Value;
            return LocalSentimentAnalyzer.Load(Path.Combine(root, options.Directory, "sentiment-lexicon.tsv"));
        });
        services.AddSingleton<ISentimentAnalyzer>(sp =>
        {
            var local = sp.GetRequiredService<LocalSentimentAnalyzer>();
            var options = sp.GetRequiredService<IOptions<Sentiment.SentimentOptions>>().Value;
            return options.Provider == "AzureLanguage"
                ? new Sentiment.AzureLanguageAnalyzer(options, local, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Sentiment.AzureLanguageAnalyzer>>())
                : local;
        });
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.HoursError() is null, "Handoff:Hours must look like \"Mon-Fri 08:00-18:00\" or \"always\", and Handoff:TimeZone be a known time zone.")
            .Validate(o => o.UpdateSeconds >= 5 && o.CheckSeconds >= 1 && o.FollowUpHours > 0, "Handoff: UpdateSeconds must be at least 5, CheckSeconds at least 1, FollowUpHours above 0.")
            .ValidateOnStart();
        services.AddSingleton<DeskFeed>();
        services.AddSingleton(sp => new HandoffDesk(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => Provider(sp) switch
        {
            "Memory" => FollowUpSchedule.InMemory(),
            "Postgres" => FollowUpSchedule.InPostgres(sp.GetRequiredService<PostgresDatabase>()),
            _ => FollowUpSchedule.InSqlite(sp.GetRequiredService<SqliteDatabase>()),
        });
        services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<SupportCatalogSource>();
            var handoff = sp.GetRequiredService<IOptions<HandoffOptions>>().Value;
            var feed = sp.GetRequiredService<DeskFeed>();
            var time = sp.GetRequiredService<TimeProvider>();
            var contactCenter = handoff.ContactCenterChannels.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new SupportServices(
                sp.GetRequiredService<PromptSource>(),
                () => catalog.Current,
                sp.GetRequiredService<ISentimentAnalyzer>(),
                sp.GetRequiredService<IOptions<SupportOptions>>().Value,
                sp.GetRequiredService<ConversationState>(),
                sp.GetRequiredService<UserState>(),
                new HandoffServices
                {
                    Desk = sp.GetRequiredService<HandoffDesk>(),
                    FollowUps = sp.GetRequiredService<FollowUpSchedule>(),
                    FollowUpAfter = TimeSpan.FromHours(handoff.FollowUpHours),
                    AgentsAvailable = () => feed.AnyAgentOnline && handoff.IsOpen(time.GetUtcNow()),
                    OpeningHours = handoff.Describe(),
                    ContactCenterChannels = contactCenter,
                    UsesDesk = channel => handoff.ContactCenterAlsoInConsole || !contactCenter.Contains(channel),
                    Transcripts = sp.GetRequiredService<ITranscriptStore>(),
                });
        });

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new SqliteDatabase(Path.Combine(root, options.DataDirectory, "supportbot.db"));
        });
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton<IStorage>(sp => Provider(sp) switch
        {
            "Memory" => new MemoryStorage(),
            "Postgres" => new PostgresStorage(sp.GetRequiredService<PostgresDatabase>()),
            _ => new SqliteStorage(sp.GetRequiredService<SqliteDatabase>()),
        });
        services.AddSingleton<ITranscriptStore>(sp => Provider(sp) switch
        {
            "Memory" => new MemoryTranscriptStore(),
            "Postgres" => new PostgresTranscriptStore(sp.GetRequiredService<PostgresDatabase>()),
            _ => new SqliteTranscriptStore(sp.GetRequiredService<SqliteDatabase>()),
        });
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<SupportDialog>();
        services.AddSingleton<IBot, SupportBotHandler>();
        services.AddSingleton<BotAdapter>();
        return services;
    }

    private static string Provider(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
