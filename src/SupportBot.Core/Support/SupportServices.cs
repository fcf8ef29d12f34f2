using SupportBot.Core.Bot;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>What the support conversation works with: wording, catalog, sentiment, settings, and its state properties.</summary>
public sealed class SupportServices
{
    private readonly Func<SupportCatalog> _catalog;
    private readonly StatePropertyAccessor<UserProfile> _profile;

    public SupportServices(PromptSource prompts, Func<SupportCatalog> catalog, ISentimentAnalyzer sentiment, SupportOptions options, ConversationState conversationState, UserState userState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        ArgumentNullException.ThrowIfNull(userState);
        Prompts = prompts;
        _catalog = catalog;
        Sentiment = sentiment;
        Options = options;
        _profile = userState.CreateProperty<UserProfile>("profile");
        Handoffs = conversationState.CreateProperty<CaseSummary>("handoff");
    }

    public PromptSource Prompts { get; }

    /// <summary>The catalog in force (it may be reloaded while the bot runs).</summary>
    public SupportCatalog Catalog => _catalog();

    public ISentimentAnalyzer Sentiment { get; }

    public SupportOptions Options { get; }

    /// <summary>The case handed to a person in this conversation, awaiting an agent.</summary>
    public StatePropertyAccessor<CaseSummary> Handoffs { get; }

    /// <summary>The customer's profile (user state).</summary>
    public Task<UserProfile> ProfileAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        _profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}
