using SupportBot.Core.Activities;
using SupportBot.Core.Insight;
using SupportBot.Core.State;

namespace SupportBot.Core.Bot;

/// <summary>
/// One turn: the inbound activity and what the bot sends back. Sent activities are buffered and leave only after
/// the turn's state is durably committed, so a turn that is retried or fails never half-speaks.
/// </summary>
public sealed class TurnContext
{
    private readonly List<Activity> _replies = [];
    private readonly List<Task> _pendingWrites = [];
    private readonly List<OutboxRow> _outbox = [];

    public TurnContext(Activity activity, TimeProvider timeProvider)
    {
        Activity = activity;
        TimeProvider = timeProvider;
    }

    /// <summary>The inbound activity.</summary>
    public Activity Activity { get; }

    /// <summary>The clock for this turn.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Per-turn scratch values (cached state, flags) keyed by their owner.</summary>
    public Dictionary<string, object> TurnState { get; } = new(StringComparer.Ordinal);

    /// <summary>The replies so far, addressed and in order.</summary>
    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>Writes the bot started during the turn (a scheduled check-in): committed with the turn's state, before any reply goes out.</summary>
    public IReadOnlyList<Task> PendingWrites => _pendingWrites;

    /// <summary>Starts a write that must be durable with this turn, without waiting for a commit of its own.</summary>
    public void AddPendingWrite(Task write) => _pendingWrites.Add(write);

    /// <summary>The outbox entries this turn queued: committed in the turn's own transaction, carried out once it is durable.</summary>
    public IReadOnlyList<OutboxRow> Outbox => _outbox;

    /// <summary>Queues an outbox entry with this turn (an action to carry out once the turn is durable).</summary>
    public void AddOutbox(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _outbox.Add(row);
    }

    /// <summary>The facts this turn records for the dashboard, committed with it; null when it records none.</summary>
    public TurnFacts? Facts { get; set; }

    /// <summary>True once the bot has sent a message this turn.</summary>
    public bool Responded { get; private set; }

    /// <summary>Sends a text message in reply to the inbound activity.</summary>
    public Task SendActivityAsync(string text, CancellationToken cancellationToken) =>
        SendActivityAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Sends an activity in reply to the inbound activity (addressed per the protocol).</summary>
    public Task SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        cancellationToken.ThrowIfCancellationRequested();
        _replies.Add(Activity.AddressReply(activity));
        if (activity.Type == ActivityTypes.Message)
        {
            Responded = true;
        }

        return Task.CompletedTask;
    }

    internal void ClearReplies()
    {
        _replies.Clear();
        _pendingWrites.Clear();
        _outbox.Clear();
        Facts = null;
        Responded = false;
        TurnState.Clear();
    }
}
