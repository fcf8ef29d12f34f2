using SupportBot.Core.Activities;
using SupportBot.Core.Insight;
using SupportBot.Core.State;

namespace SupportBot.Core.Bot;

/// <summary>
/// One turn: the inbound activity and what the bot sends back. Sent activities, outbox entries and desk rows are
/// buffered and committed with the turn's state in one write; they leave, and what waits for the commit runs, only
/// once it is durable, so a turn that is retried or fails never half-speaks and leaves nothing behind.
/// </summary>
public sealed class TurnContext
{
    private readonly List<Activity> _replies = [];
    private readonly List<OutboxRow> _outbox = [];
    private readonly List<DeskRow> _desk = [];
    private readonly List<Action> _committed = [];

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

    /// <summary>The outbox entries this turn queued: committed in the turn's own transaction, carried out once it is durable.</summary>
    public IReadOnlyList<OutboxRow> Outbox => _outbox;

    /// <summary>Queues an outbox entry with this turn (an action to carry out once the turn is durable).</summary>
    public void AddOutbox(OutboxRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _outbox.Add(row);
    }

    /// <summary>The desk rows this turn wrote: committed in the turn's own transaction.</summary>
    public IReadOnlyList<DeskRow> Desk => _desk;

    /// <summary>Writes a desk row with this turn, in place of one this turn already wrote for the same case.</summary>
    public void WriteDesk(DeskRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _desk.RemoveAll(r => r.CaseId == row.CaseId);
        _desk.Add(row);
    }

    /// <summary>What runs once the turn is durably committed (telling the consoles a case is queued); never for a turn that failed.</summary>
    public IReadOnlyList<Action> WhenCommitted => _committed;

    /// <summary>Runs <paramref name="action"/> once the turn is durably committed.</summary>
    public void OnCommitted(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _committed.Add(action);
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
        _outbox.Clear();
        _desk.Clear();
        _committed.Clear();
        Facts = null;
        Responded = false;
        TurnState.Clear();
    }
}
