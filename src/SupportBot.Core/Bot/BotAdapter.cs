using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Bot;

/// <summary>
/// Runs one inbound activity through the bot as a turn: one turn per conversation at a time, in arrival order;
/// state loaded, the bot run, state and transcript durably written, and only then the replies handed back. A
/// redelivered activity id gets the first delivery's replies without running again. If another process changed the
/// state meanwhile (ETag), the turn is rerun on fresh state: the replies of a discarded attempt were never sent.
/// </summary>
public sealed partial class BotAdapter
{
    private const int MaxAttempts = 3;
    private readonly IBot _bot;
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly ITranscriptStore _transcripts;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConversationLock _locks = new();
    private readonly StatePropertyAccessor<ProcessedActivities> _processed;

    public BotAdapter(IBot bot, ConversationState conversationState, UserState userState, ITranscriptStore transcripts, TimeProvider timeProvider, ILogger<BotAdapter> logger)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _bot = bot;
        _conversationState = conversationState;
        _userState = userState;
        _transcripts = transcripts;
        _timeProvider = timeProvider;
        _logger = logger;
        _processed = conversationState.CreateProperty<ProcessedActivities>("processedActivities");
    }

    /// <summary>Processes one activity (already validated) and returns its replies once the turn is durable.</summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity = activity with { Timestamp = activity.Timestamp ?? _timeProvider.GetUtcNow() };
        var key = _conversationState.GetStorageKey(activity) ?? throw new ArgumentException("The activity names no channel or conversation.", nameof(activity));
        using var turn = await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var context = new TurnContext(activity, _timeProvider);
            try
            {
                return await RunTurnAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageConcurrencyException ex) when (attempt < MaxAttempts)
            {
                LogConflict(_logger, ex.Key, attempt);
            }
        }
    }

    private async Task<TurnResult> RunTurnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        await Task.WhenAll(
            _conversationState.LoadAsync(context, cancellationToken),
            _userState.LoadAsync(context, cancellationToken)).ConfigureAwait(false);

        ProcessedActivities? processed = null;
        if (activity.Id is { Length: > 0 } id)
        {
            processed = await _processed.GetAsync(context, () => new ProcessedActivities(), cancellationToken).ConfigureAwait(false);
            if (processed.Find(id) is { } earlier)
            {
                LogDuplicate(_logger, id);
                return new TurnResult(earlier.Replies, Duplicate: true);
            }
        }

        await _bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);

        var now = _timeProvider.GetUtcNow();
        var replies = context.Replies.Select(r => r with { Timestamp = r.Timestamp ?? now }).ToList();
        if (processed is not null)
        {
            processed.Add(activity.Id!, replies);
        }

        var changes = new Dictionary<string, StoreItem>(2, StringComparer.Ordinal);
        foreach (var state in new BotState[] { _conversationState, _userState })
        {
            if (state.GetChanges(context) is { } change)
            {
                changes[change.Key] = change.Value;
            }
        }

        // State and transcript are queued together so a group-committing store lands them in one transaction and
        // the turn waits for one commit, not two. Only a write racing another process (ETag) can fail here; then the
        // turn reruns and its transcript may show the discarded attempt too, which is the honest record.
        var stateWrite = changes.Count > 0 ? _conversationState.Storage.WriteAsync(changes, cancellationToken) : Task.CompletedTask;
        var transcriptWrite = _transcripts.LogActivitiesAsync(activity.ChannelId!, activity.Conversation!.Id!, [activity, .. replies], cancellationToken);
        await Task.WhenAll(stateWrite, transcriptWrite).ConfigureAwait(false);
        return new TurnResult(replies, Duplicate: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} was delivered again; answered from the first delivery")]
    private static partial void LogDuplicate(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {Key} changed under turn attempt {Attempt}; running the turn again on fresh state")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);
}
