using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The event activities through which the agent desk, the queue and the follow-up schedule speak to a customer's
/// conversation. They run as turns of that conversation (in order with the customer's own messages, with its state)
/// and carry <see cref="CallerId"/>, which no channel or client can set: every endpoint strips it on the way in.
/// </summary>
public static class DeskEvents
{
    /// <summary>The <c>callerId</c> of activities the server itself raises.</summary>
    public const string CallerId = "urn:supportbot:desk";

    public const string QueueUpdate = "handoff.update";
    public const string AgentJoined = "agent.joined";
    public const string AgentMessage = "agent.message";
    public const string AgentTyping = "agent.typing";
    public const string Decision = "agent.decision";
    public const string HandBack = "agent.handback";
    public const string Closed = "agent.closed";
    public const string FollowUp = "followup.due";

    /// <summary>The Bot Framework handoff protocol: the bot asks a contact center to take over.</summary>
    public const string HandoffInitiate = "handoff.initiate";

    /// <summary>The Bot Framework handoff protocol: a contact center reports accepted, failed or completed.</summary>
    public const string HandoffStatus = "handoff.status";

    /// <summary>
    /// The server's event <paramref name="name"/> for the conversation of <paramref name="reference"/>, from its user
    /// to its bot, carrying <see cref="CallerId"/> and <paramref name="value"/>; its id starts with <paramref name="idPrefix"/>.
    /// </summary>
    public static Activity For<T>(ConversationReference reference, string name, string idPrefix, T value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = name,
            Id = $"{idPrefix}-{Guid.NewGuid():N}",
            CallerId = CallerId,
            ChannelId = reference.ChannelId,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            ServiceUrl = reference.ServiceUrl,
            Locale = reference.Locale,
            Timestamp = now,
            Value = JsonSerializer.SerializeToElement(value, StateJson.Options),
        };
    }
}
