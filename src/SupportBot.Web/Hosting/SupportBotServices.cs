using Microsoft.Extensions.Options;
using SupportBot.Core.Bot;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Transcripts;
using SupportBot.Core.Understanding;
using SupportBot.Web.Agents;
using SupportBot.Web.Channels;

namespace SupportBot.Web.Hosting;

/// <summary>
/// Registers the support bot itself: its options, the handoff desk, the dialogs and the adapter that runs turns.
/// It needs storage, prompts and sentiment registered too; the web host and the terminal chat both do so.
/// </summary>
public static class SupportBotServices
{
    public static IServiceCollection AddSupportBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.Section))
            .Validate(o => o.MaxUnderlyingIssues >= 0 && o.MaxRemediesOffered >= 1 && o.MaxAttempts >= 1, "Support: MaxUnderlyingIssues must be 0 or more, MaxRemediesOffered and MaxAttempts at least 1.")
            .ValidateOnStart();
        services.AddOptions<HandoffOptions>().Bind(configuration.GetSection(HandoffOptions.Section))
            .Validate(o => o.HoursError() is null, "Handoff:Hours must look like \"Mon-Fri 08:00-18:00\" or \"always\", and Handoff:TimeZone be a known time zone.")
            .Validate(o => o.UpdateSeconds >= 5 && o.CheckSeconds >= 1 && o.FollowUpHours > 0, "Handoff: UpdateSeconds must be at least 5, CheckSeconds at least 1, FollowUpHours above 0.")
            .Validate(o => o.DeliveryAttempts is >= 1 and <= 50 && o.DeliveryRetrySeconds > 0, "Handoff: DeliveryAttempts must be from 1 to 50, DeliveryRetrySeconds above 0.")
            .ValidateOnStart();

        services.AddSingleton(TimeProvider.System);

        // The consoles' feed: whether an agent is there to take a case, and what the open consoles hear.
        services.AddSingleton<DeskFeed>();
        services.AddSingleton(sp => new HandoffDesk(sp.GetRequiredService<DeskTable>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            // What the desk owes customers is delivered as every turn is, by the TurnRunner; kept in the outbox until then.
            var handoff = sp.GetRequiredService<IOptions<HandoffOptions>>().Value;
            return new DeskDeliveries(
                sp.GetRequiredService<Outbox>(),
                (activity, cancellationToken) => sp.GetRequiredService<TurnRunner>().RunAsync(activity, cancellationToken),
                handoff.DeliveryAttempts,
                handoff.DeliveryRetrySeconds,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<SupportCatalogSource>();
            var handoff = sp.GetRequiredService<IOptions<HandoffOptions>>().Value;
            var feed = sp.GetRequiredService<DeskFeed>();
            var time = sp.GetRequiredService<TimeProvider>();
            var contactCenter = handoff.ContactCenterChannels.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var answers = sp.GetRequiredService<AnswerSource>();
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
                    NobodyFreeBecause = () => handoff.WhyNobodyIsFree(time.GetUtcNow()),
                    TeamHours = handoff.HoursInWords,
                    ContactCenterChannels = contactCenter,
                    UsesDesk = channel => handoff.ContactCenterAlsoInConsole || !contactCenter.Contains(channel),
                    Transcripts = sp.GetRequiredService<ITranscriptStore>(),
                    Currency = sp.GetRequiredService<IOptions<SupportOptions>>().Value.Currency,
                },
                sp.GetRequiredService<IMessageReader>(),
                () => answers.Current,
                sp.GetRequiredService<IOptions<FulfilmentOptions>>().Value);
        });
        services.AddSingleton<SupportDialog>();
        services.AddSingleton<IBot, SupportBotHandler>();
        services.AddSingleton<BotAdapter>();
        return services;
    }
}
