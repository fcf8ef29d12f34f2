using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Agents;

/// <summary>
/// What the open agent consoles hear: "the queue changed", "an action changed" and "this conversation has something
/// new". Each console holds a subscription while its event stream is open; a signed-in console also counts as an
/// agent available. Instances sharing PostgreSQL pass all of it on to each other (<see cref="InstanceSignals"/>): a
/// console open on one hears what happens on another, and a customer handed over on one finds the agents whose
/// console is open on another. Each instance says how many consoles it has open whenever that changes and every
/// <see cref="InstanceSignals.BeatInterval"/>; an instance not heard from for three intervals counts as having none.
/// </summary>
public sealed class DeskFeed
{
    private const string EventTopic = "desk";
    private const string AgentsTopic = "agents";
    private const string AskAgentsTopic = "agents?";
    private static readonly long Forgotten = 3 * (long)InstanceSignals.BeatInterval.TotalMilliseconds;
    private readonly ConcurrentDictionary<Subscription, string> _subscriptions = new();
    private readonly ConcurrentDictionary<string, (int Agents, long HeardAt)> _elsewhere = new(StringComparer.Ordinal);
    private readonly InstanceSignals _signals;

    public DeskFeed(InstanceSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        _signals = signals;
        signals.On(EventTopic, (_, message) => PublishHere(message));
        signals.On(AgentsTopic, (instance, count) =>
        {
            if (int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var agents))
            {
                _elsewhere[instance] = (agents, Environment.TickCount64);
            }
        });
        signals.On(AskAgentsTopic, (_, _) => AnnounceAgents(evenNone: false));
        signals.Beat += () => AnnounceAgents(evenNone: false);
        signals.Resumed += () =>
        {
            // What was missed meanwhile: the consoles here look at the queue again, and the others say who is there.
            PublishHere(CaseMessage(string.Empty));
            signals.Publish(AskAgentsTopic, string.Empty);
            AnnounceAgents(evenNone: false);
        };
    }

    /// <summary>Whether any agent has the console open, on this instance or another.</summary>
    public bool AnyAgentOnline => !_subscriptions.IsEmpty || AgentsElsewhere;

    private bool AgentsElsewhere
    {
        get
        {
            var now = Environment.TickCount64;
            return _elsewhere.Values.Any(e => e.Agents > 0 && now - e.HeardAt < Forgotten);
        }
    }

    /// <summary>Opens a subscription for an agent's console.</summary>
    public Subscription Subscribe(string agentLogin)
    {
        var subscription = new Subscription(this);
        _subscriptions[subscription] = agentLogin;
        AnnounceAgents(evenNone: true);
        return subscription;
    }

    /// <summary>The queue or a case changed.</summary>
    public void CaseChanged(string caseId) => Publish(CaseMessage(caseId), always: true);

    /// <summary>An action a remedy needs changed (sent, answered, done, taken over by a colleague).</summary>
    public void ActionChanged(string deliveryId) =>
        Publish($"event: action\ndata: {{\"deliveryId\":\"{Escape(deliveryId)}\"}}\n\n", always: false);

    /// <summary>A conversation had a turn (a customer spoke, or the bot or an agent answered).</summary>
    public void ConversationChanged(string channelId, string conversationId) =>
        Publish($"event: conversation\ndata: {{\"channelId\":\"{Escape(channelId)}\",\"conversationId\":\"{Escape(conversationId)}\"}}\n\n", always: false);

    private static string CaseMessage(string caseId) => $"event: case\ndata: {{\"caseId\":\"{Escape(caseId)}\"}}\n\n";

    /// <summary>To the consoles here and on the other instances; unless <paramref name="always"/>, only when some console is open to hear it.</summary>
    private void Publish(string message, bool always)
    {
        if (always || !_subscriptions.IsEmpty)
        {
            PublishHere(message);
        }

        if (always || AgentsElsewhere)
        {
            _signals.Publish(EventTopic, message);
        }
    }

    private void PublishHere(string message)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Messages.Writer.TryWrite(message);
        }
    }

    /// <summary>Tells the other instances how many consoles are open here (none only when that is news: a console closed).</summary>
    private void AnnounceAgents(bool evenNone)
    {
        var agents = _subscriptions.Count;
        if (agents > 0 || evenNone)
        {
            _signals.Publish(AgentsTopic, agents.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static string Escape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    /// <summary>One console's stream of server-sent events.</summary>
    public sealed class Subscription(DeskFeed feed) : IDisposable
    {
        public Channel<string> Messages { get; } = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

        public void Dispose()
        {
            if (feed._subscriptions.TryRemove(this, out _))
            {
                feed.AnnounceAgents(evenNone: true);
            }
        }
    }
}
