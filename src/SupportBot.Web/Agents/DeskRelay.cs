using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Web.Channels;

namespace SupportBot.Web.Agents;

/// <summary>
/// Speaks into a customer's conversation on the desk's behalf: a desk event (an agent's message, a decision, a queue
/// update, a check-in) runs as a turn of that conversation through the <see cref="TurnRunner"/>, so it is in order
/// with the customer's own messages and in the transcript, and its replies reach the customer on their channel as
/// every other reply does (through Direct Line's stream, or proactively through the channel's Bot Connector).
/// </summary>
public sealed partial class DeskRelay(TurnRunner turns, TimeProvider time, ILogger<DeskRelay> logger)
{
    public async Task SendAsync(ConversationReference reference, string name, DeskEventValue value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference names no conversation.", nameof(reference));
        var activity = DeskEvents.For(reference, name, "desk", value, time.GetUtcNow());
        await turns.RunAsync(activity, cancellationToken).ConfigureAwait(false);
        LogSent(logger, name, conversationId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk event {Name} sent into conversation {ConversationId}")]
    private static partial void LogSent(ILogger logger, string name, string conversationId);
}
