using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Transcripts;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Admin;

/// <summary>
/// The real support bot (the same dialogs, reader, feeling reader and wording) with state of its own in memory: what
/// "try a message" asks, the preview's sample customer talks to, and the test chat runs on, live or on a draft. Its
/// cases never reach the desk, and the remedies it grants are never carried out (they stay in its own outbox).
/// </summary>
public sealed class SandboxBot
{
    /// <summary>The channel its conversations are on: the website's, as Web Chat is.</summary>
    public const string ChannelId = "directline";

    private static readonly ChannelAccount Bot = new() { Id = "supportbot", Name = "SupportBot", Role = "bot" };
    private readonly BotAdapter _adapter;
    private readonly ConversationState _conversationState;
    private readonly CaseState _cases;
    private readonly TimeProvider _time;
    private readonly Func<SupportCatalog> _catalog;

    /// <param name="prompts">The wording.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="reader">The message reader.</param>
    /// <param name="answers">The answers to questions.</param>
    /// <param name="live">The live bot's services, for its settings, feeling reader and handoff rules.</param>
    /// <param name="time">The clock.</param>
    /// <param name="loggers">Where the adapter logs.</param>
    public SandboxBot(PromptSource prompts, Func<SupportCatalog> catalog, IMessageReader reader, Func<AnswerReader>? answers, SupportServices live, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(loggers);
        _time = time;
        Prompts = prompts;
        Reader = reader;
        _catalog = catalog;
        var storage = new MemoryStorage();
        var transcripts = new MemoryTranscriptStore();
        _conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        _cases = new CaseState(_conversationState, userState);
        var handoff = new HandoffServices
        {
            Desk = new HandoffDesk(storage, time),
            FollowUps = FollowUpSchedule.InMemory(),
            FollowUpAfter = live.Handoff.FollowUpAfter,
            AgentsAvailable = live.Handoff.AgentsAvailable,
            NobodyFreeBecause = live.Handoff.NobodyFreeBecause,
            TeamHours = live.Handoff.TeamHours,
            Transcripts = transcripts,
            ContactCenterChannels = live.Handoff.ContactCenterChannels,
            UsesDesk = live.Handoff.UsesDesk,
            Currency = live.Handoff.Currency,
        };
        var services = new SupportServices(prompts, catalog, live.Sentiment, live.Options, _conversationState, userState, handoff, reader, answers, live.Fulfilment);
        var bot = new SupportBotHandler(new SupportDialog(services), services, _conversationState);
        _adapter = new BotAdapter(bot, _conversationState, userState, transcripts, time, loggers.CreateLogger<BotAdapter>(), TurnStore.Sequential(storage, transcripts, Outbox.InMemory()));
    }

    /// <summary>The wording it speaks with.</summary>
    public PromptSource Prompts { get; }

    /// <summary>The message reader it reads with.</summary>
    public IMessageReader Reader { get; }

    /// <summary>The catalog it works from.</summary>
    public SupportCatalog Catalog => _catalog();

    /// <summary>The customer <paramref name="name"/> writes <paramref name="text"/> in <paramref name="conversationId"/>; returns what the bot says back.</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string conversationId, string? name, string text, CancellationToken cancellationToken) =>
        Messages(await _adapter.ProcessActivityAsync(Incoming(conversationId, name, ActivityTypes.Message) with { Text = text }, cancellationToken).ConfigureAwait(false));

    /// <summary>The customer opens the chat (Web Chat's join); returns the greeting, if any.</summary>
    public async Task<IReadOnlyList<Activity>> JoinAsync(string conversationId, string? name, CancellationToken cancellationToken)
    {
        var join = Incoming(conversationId, name, ActivityTypes.ConversationUpdate);
        return Messages(await _adapter.ProcessActivityAsync(join with { MembersAdded = [join.From!] }, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The conversation's case as the bot keeps it, or null before one opened.</summary>
    public async Task<SupportCase?> CaseAsync(string conversationId, CancellationToken cancellationToken)
    {
        var context = new TurnContext(Incoming(conversationId, null, ActivityTypes.Message), _time);
        await _conversationState.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        return await _cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false);
    }

    private Activity Incoming(string conversationId, string? name, string type) => new()
    {
        Type = type,
        Id = $"{conversationId}|{Guid.NewGuid():N}",
        ChannelId = ChannelId,
        From = new ChannelAccount { Id = $"studio-{conversationId}", Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(), Role = "user" },
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = conversationId },
        Timestamp = _time.GetUtcNow(),
    };

    private static IReadOnlyList<Activity> Messages(TurnResult result) => [.. result.Replies.Where(r => r.Type == ActivityTypes.Message)];
}
