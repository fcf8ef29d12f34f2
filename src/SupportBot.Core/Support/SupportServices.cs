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
        HandoffAgent = conversationState.CreateProperty<string>("handoffAgent");
    }

    public PromptSource Prompts { get; }

    /// <summary>The catalog in force (it may be reloaded while the bot runs).</summary>
    public SupportCatalog Catalog => _catalog();

    public ISentimentAnalyzer Sentiment { get; }

    public SupportOptions Options { get; }

    /// <summary>The case handed to a person in this conversation, awaiting an agent.</summary>
    public StatePropertyAccessor<CaseSummary> Handoffs { get; }

    /// <summary>The name of the colleague who has joined this conversation's case, once one has.</summary>
    public StatePropertyAccessor<string> HandoffAgent { get; }

    /// <summary>The queue handed-over cases go to (none: the case is only kept in the conversation).</summary>
    public Handoff.HandoffDesk? Desk { get; init; }

    /// <summary>Where resolved cases' check-ins are scheduled (none: no check-ins).</summary>
    public Handoff.FollowUpSchedule? FollowUps { get; init; }

    /// <summary>How long after a case is resolved the bot checks in.</summary>
    public TimeSpan FollowUpAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Whether a colleague can take a case now (signed in, within opening hours).</summary>
    public Func<bool> AgentsAvailable { get; init; } = () => true;

    /// <summary>When colleagues are there, in words ("Monday to Friday, 8:00 to 18:00 UTC").</summary>
    public string OpeningHours { get; init; } = "our team is away";

    /// <summary>The transcripts, for the contact-center handoff (the conversation so far goes with the case).</summary>
    public Transcripts.ITranscriptStore? Transcripts { get; init; }

    /// <summary>Channels whose handoffs go to a contact center by the Bot Framework handoff protocol.</summary>
    public IReadOnlySet<string> ContactCenterChannels { get; init; } = new HashSet<string>();

    /// <summary>Channels whose handoffs also go to the built-in agent desk (default: all but contact-center-only ones).</summary>
    public Func<string, bool> UsesDesk { get; init; } = _ => true;

    /// <summary>The customer's profile (user state).</summary>
    public Task<UserProfile> ProfileAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        _profile.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
}
