using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
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

    /// <summary>
    /// Processes one activity (already validated) and returns its replies once the turn is durable. When
    /// <paramref name="deliver"/> is given (replies go to the channel rather than back in the answer), it is called
    /// with the replies while the conversation is still held, so replies of successive turns reach the channel in
    /// order; once it returns they are marked delivered. If it throws, the turn stays saved and a redelivery of the
    /// same activity sends the replies again instead of running the turn twice.
    /// </summary>
    public async Task<TurnResult> ProcessActivityAsync(Activity activity, Func<IReadOnlyList<Activity>, CancellationToken, Task>? deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Card numbers, security codes and IBANs never reach state, the transcript or a brief: masked before the turn.
        activity = activity with { Timestamp = activity.Timestamp ?? _timeProvider.GetUtcNow(), Text = activity.Text is { } text ? PiiMasker.MaskPayment(text) : null };
        var key = _conversationState.GetStorageKey(activity) ?? throw new ArgumentException("The activity names no channel or conversation.", nameof(activity));
        using var turn = await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var context = new TurnContext(activity, _timeProvider);
            try
            {
                var (result, entry) = await RunTurnAsync(context, delivered: deliver is null, cancellationToken).ConfigureAwait(false);
                if (deliver is not null && entry is { Delivered: false })
                {
                    await deliver(result.Replies, cancellationToken).ConfigureAwait(false);
                    entry.Delivered = true;
                    await SaveAsync(context, cancellationToken).ConfigureAwait(false);
                    return result with { Duplicate = false };
                }

                return result;
            }
            catch (StorageConcurrencyException ex) when (attempt < MaxAttempts)
            {
                LogConflict(_logger, ex.Key, attempt);
            }
        }
    }

    /// <summary>Processes one activity whose replies the caller hands back itself (expectReplies, tests, the terminal).</summary>
    public Task<TurnResult> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessActivityAsync(activity, deliver: null, cancellationToken);

    private async Task<(TurnResult Result, ProcessedActivity? Entry)> RunTurnAsync(TurnContext context, bool delivered, CancellationToken cancellationToken)
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
                LogDuplicate(_logger, id, earlier.Delivered);
                return (new TurnResult([.. earlier.Replies.Select(activity.AddressReply)], Duplicate: true), earlier);
            }
        }

        await _bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);

        var now = _timeProvider.GetUtcNow();
        var replies = context.Replies.Select(r => r with { Timestamp = r.Timestamp ?? now }).ToList();
        var entry = processed?.Add(activity.Id!, replies, delivered);

        // State and transcript are queued together so a group-committing store lands them in one transaction and
        // the turn waits for one commit, not two. Only a write racing another process (ETag) can fail here; then the
        // turn reruns and its transcript may show the discarded attempt too, which is the honest record.
        var stateWrite = SaveAsync(context, cancellationToken);
        var transcriptWrite = _transcripts.LogActivitiesAsync(activity.ChannelId!, activity.Conversation!.Id!, [activity, .. replies], cancellationToken);
        await Task.WhenAll([stateWrite, transcriptWrite, .. context.PendingWrites]).ConfigureAwait(false);
        return (new TurnResult(replies, Duplicate: false), entry);
    }

    /// <summary>Writes what changed in conversation and user state, atomically, and remembers the new ETags.</summary>
    private async Task SaveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, StoreItem>(2, StringComparer.Ordinal);
        foreach (var state in new BotState[] { _conversationState, _userState })
        {
            if (state.GetChanges(context) is { } change)
            {
                changes[change.Key] = change.Value;
            }
        }

        if (changes.Count > 0)
        {
            var etags = await _conversationState.Storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            _conversationState.Committed(context, etags);
            _userState.Committed(context, etags);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} arrived again; answered from the first processing (replies delivered before: {Delivered})")]
    private static partial void LogDuplicate(ILogger logger, string activityId, bool delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {Key} changed under turn attempt {Attempt}; running the turn again on fresh state")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);
}
