using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Insight;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Bot;

/// <summary>
/// Runs one inbound activity through the bot as a turn: one turn per conversation at a time, in arrival order, also
/// across the instances that share a PostgreSQL store;
/// state loaded, the bot run, state, transcript and the outbox entries it queued durably written in one commit
/// (<see cref="TurnStore"/>), and only then the replies handed back. A redelivered activity id gets the first
/// delivery's replies without running again. If another process changed the state meanwhile (ETag), the turn is
/// rerun on fresh state: the replies of a discarded attempt were never sent, and its outbox entries never written.
/// Once a turn that queued outbox entries is durable, <see cref="OutboxDispatch"/> carries them out while the
/// conversation is still held, and may run one more turn to say how it went.
/// </summary>
public sealed partial class BotAdapter
{
    private const int MaxAttempts = 3;
    private readonly IBot _bot;
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly TurnStore _turns;
    private readonly OutboxDispatch? _dispatch;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConversationLock _locks = new();
    private readonly StatePropertyAccessor<ProcessedActivities> _processed;

    /// <param name="bot">The turn handler.</param>
    /// <param name="conversationState">Conversation state.</param>
    /// <param name="userState">User state (in the same storage).</param>
    /// <param name="transcripts">Where transcripts go when <paramref name="turns"/> is not given.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">The log.</param>
    /// <param name="turns">How a turn is committed; by default state, then transcript, with no outbox.</param>
    /// <param name="dispatch">What carries out a turn's outbox entries once it is durable; none: they wait in the outbox.</param>
    public BotAdapter(IBot bot, ConversationState conversationState, UserState userState, ITranscriptStore transcripts, TimeProvider timeProvider, ILogger<BotAdapter> logger, TurnStore? turns = null, OutboxDispatch? dispatch = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _bot = bot;
        _conversationState = conversationState;
        _userState = userState;
        _turns = turns ?? TurnStore.Sequential(conversationState.Storage, transcripts, outbox: null);
        _dispatch = dispatch;
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
        using var telemetry = InsightTelemetry.StartTurn(activity.ChannelId, activity.Type, _timeProvider);
        using var turn = await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);

        // Other instances sharing the store wait too, from before the state is read until the replies are delivered.
        await using var held = await _turns.HoldAsync(key, cancellationToken).ConfigureAwait(false);
        TurnResult result;
        ProcessedActivity? entry;
        TurnContext context;
        for (var attempt = 1; ; attempt++)
        {
            context = new TurnContext(activity, _timeProvider);
            try
            {
                (result, entry) = await RunTurnAsync(context, delivered: deliver is null, extends: null, changes: [], cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (StorageConcurrencyException ex) when (attempt < MaxAttempts)
            {
                LogConflict(_logger, ex.Key, attempt);
            }
        }

        var followed = false;
        if (!result.Duplicate && context.Outbox.Count > 0 && _dispatch is not null)
        {
            var more = new List<Activity>();
            await _dispatch(activity, context.Outbox, async (next, changes, ct) =>
            {
                more.AddRange(await RunFollowingTurnAsync(next, changes, activity.Id, ct).ConfigureAwait(false));
                followed = true;
            }, cancellationToken).ConfigureAwait(false);
            result = result with { Replies = [.. result.Replies, .. more] };
        }

        if (deliver is not null && entry is { Delivered: false })
        {
            await deliver(result.Replies, cancellationToken).ConfigureAwait(false);
            await MarkDeliveredAsync(context, entry, fresh: followed, cancellationToken).ConfigureAwait(false);
            return result with { Duplicate = false };
        }

        return result;
    }

    /// <summary>Processes one activity whose replies the caller hands back itself (expectReplies, tests, the terminal).</summary>
    public Task<TurnResult> ProcessActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        ProcessActivityAsync(activity, deliver: null, cancellationToken);

    private async Task<(TurnResult Result, ProcessedActivity? Entry)> RunTurnAsync(TurnContext context, bool delivered, string? extends, IReadOnlyList<OutboxRow> changes, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        // The conversation's and the user's state in one read (one statement on SQLite and PostgreSQL).
        await BotState.LoadAllAsync(context, [_conversationState, _userState], cancellationToken).ConfigureAwait(false);

        ProcessedActivities? processed = null;
        if (activity.Id is { Length: > 0 } id)
        {
            processed = await _processed.GetAsync(context, () => new ProcessedActivities(), cancellationToken).ConfigureAwait(false);
            if (extends is null && processed.Find(id) is { } earlier)
            {
                LogDuplicate(_logger, id, earlier.Delivered);
                return (new TurnResult([.. earlier.Replies.Select(activity.AddressReply)], Duplicate: true), earlier);
            }
        }

        await _bot.OnTurnAsync(context, cancellationToken).ConfigureAwait(false);

        var now = _timeProvider.GetUtcNow();
        var replies = context.Replies.Select(r => r with { Timestamp = r.Timestamp ?? now }).ToList();

        // A turn that follows another within one delivery (its outcome) adds its replies to that one's entry, so a
        // redelivery of the first activity is answered with everything that was said.
        var entry = extends is null ? processed?.Add(activity.Id!, replies, delivered) : processed?.Extend(extends, replies);

        // State, transcript, outbox entries and desk rows are one commit, and nothing of the turn was written before
        // it. If it fails, nothing of this attempt is written: after a write racing another process (ETag) the turn
        // reruns on fresh state; any other failure reaches the caller, and the same activity may be sent again.
        var write = new TurnWrite(Changes(context), activity.ChannelId!, activity.Conversation!.Id!, [activity, .. replies], changes.Count == 0 ? context.Outbox : [.. changes, .. context.Outbox]) { Desk = context.Desk, Facts = context.Facts };
        Committed(context, await _turns.CommitAsync(write, cancellationToken).ConfigureAwait(false));
        foreach (var action in context.WhenCommitted)
        {
            action();
        }

        return (new TurnResult(replies, Duplicate: false), entry);
    }

    /// <summary>
    /// Runs <paramref name="activity"/> as a further turn of a conversation this call holds, committing
    /// <paramref name="changes"/> with it; returns its replies. A change refused for its version is the caller's to
    /// handle (a rerun would be refused again).
    /// </summary>
    private async Task<IReadOnlyList<Activity>> RunFollowingTurnAsync(Activity activity, IReadOnlyList<OutboxRow> changes, string? extends, CancellationToken cancellationToken)
    {
        activity = activity with { Timestamp = activity.Timestamp ?? _timeProvider.GetUtcNow() };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (result, _) = await RunTurnAsync(new TurnContext(activity, _timeProvider), delivered: true, extends ?? string.Empty, changes, cancellationToken).ConfigureAwait(false);
                return result.Replies;
            }
            catch (StorageConcurrencyException ex) when (attempt < MaxAttempts && !changes.Any(c => c.Id == ex.Key))
            {
                LogConflict(_logger, ex.Key, attempt);
            }
        }
    }

    /// <summary>
    /// Records that a turn's replies reached the channel. After a following turn the state moved on, so it is read
    /// afresh rather than written back from the first turn's copy.
    /// </summary>
    private async Task MarkDeliveredAsync(TurnContext first, ProcessedActivity entry, bool fresh, CancellationToken cancellationToken)
    {
        if (!fresh)
        {
            entry.Delivered = true;
            await SaveAsync(first, cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = new TurnContext(first.Activity, _timeProvider);
        await _conversationState.LoadAsync(context, cancellationToken).ConfigureAwait(false);
        var processed = await _processed.GetAsync(context, () => new ProcessedActivities(), cancellationToken).ConfigureAwait(false);
        if (processed.Find(entry.Id) is { } current)
        {
            current.Delivered = true;
            await _processed.SetAsync(context, processed, cancellationToken).ConfigureAwait(false);
            await SaveAsync(context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what changed in conversation and user state, atomically, and remembers the new ETags.</summary>
    private async Task SaveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var changes = Changes(context);
        if (changes.Count > 0)
        {
            Committed(context, await _conversationState.Storage.WriteAsync(changes, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>What changed in conversation and user state this turn.</summary>
    private Dictionary<string, StoreItem> Changes(TurnContext context)
    {
        var changes = new Dictionary<string, StoreItem>(2, StringComparer.Ordinal);
        foreach (var state in new BotState[] { _conversationState, _userState })
        {
            if (state.GetChanges(context) is { } change)
            {
                changes[change.Key] = change.Value;
            }
        }

        return changes;
    }

    private void Committed(TurnContext context, IReadOnlyDictionary<string, string> etags)
    {
        if (etags.Count > 0)
        {
            _conversationState.Committed(context, etags);
            _userState.Committed(context, etags);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} arrived again; answered from the first processing (replies delivered before: {Delivered})")]
    private static partial void LogDuplicate(ILogger logger, string activityId, bool delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "State {Key} changed under turn attempt {Attempt}; running the turn again on fresh state")]
    private static partial void LogConflict(ILogger logger, string key, int attempt);
}
