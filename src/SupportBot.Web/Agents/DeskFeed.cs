using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Web.Agents;

/// <summary>
/// What the open agent consoles hear: "the queue changed", "an action changed" and "this conversation has something
/// new". Each console
/// holds a subscription while its event stream is open; a signed-in console also counts as an agent available.
/// </summary>
public sealed class DeskFeed
{
    private readonly ConcurrentDictionary<Subscription, string> _subscriptions = new();

    /// <summary>Whether any agent has the console open.</summary>
    public bool AnyAgentOnline => !_subscriptions.IsEmpty;

    /// <summary>Opens a subscription for an agent's console.</summary>
    public Subscription Subscribe(string agentLogin)
    {
        var subscription = new Subscription(this);
        _subscriptions[subscription] = agentLogin;
        return subscription;
    }

    /// <summary>The queue or a case changed.</summary>
    public void CaseChanged(string caseId) => Publish($"event: case\ndata: {{\"caseId\":\"{Escape(caseId)}\"}}\n\n");

    /// <summary>An action a remedy needs changed (sent, answered, done, taken over by a colleague).</summary>
    public void ActionChanged(string deliveryId)
    {
        if (!_subscriptions.IsEmpty)
        {
            Publish($"event: action\ndata: {{\"deliveryId\":\"{Escape(deliveryId)}\"}}\n\n");
        }
    }

    /// <summary>A conversation had a turn (a customer spoke, or the bot or an agent answered).</summary>
    public void ConversationChanged(string channelId, string conversationId)
    {
        if (!_subscriptions.IsEmpty)
        {
            Publish($"event: conversation\ndata: {{\"channelId\":\"{Escape(channelId)}\",\"conversationId\":\"{Escape(conversationId)}\"}}\n\n");
        }
    }

    private void Publish(string message)
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.Messages.Writer.TryWrite(message);
        }
    }

    private static string Escape(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();

    /// <summary>One console's stream of server-sent events.</summary>
    public sealed class Subscription(DeskFeed feed) : IDisposable
    {
        public Channel<string> Messages { get; } = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });

        public void Dispose() => feed._subscriptions.TryRemove(this, out _);
    }
}
