using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Web.Channels;

namespace SupportBot.Web.Agents;

/// <summary>
/// Speaks into a customer's conversation on the desk's behalf: a desk event (an agent's message, a decision, a queue
/// update, a check-in) runs as a turn of that conversation through the <see cref="TurnRunner"/>, so it is in order
/// with the customer's own messages and in the transcript, and its replies reach the customer on their channel as
/// every other reply does (through Direct Line's stream, or proactively through the channel's Bot Connector). What the
/// desk owes a customer is kept in the outbox until their channel took it (<see cref="DeskDeliveries"/>): it is tried
/// here at once, and when the channel cannot be reached, again by the outbox's clock; the colleague's action stands
/// either way.
/// </summary>
public sealed partial class DeskRelay(TurnRunner turns, DeskDeliveries deliveries, TimeProvider time, ILogger<DeskRelay> logger)
{
    /// <summary>Queues desk event <paramref name="name"/> for the case's customer (a change of no case) and tries it at once; returns it as it then stands.</summary>
    public async Task<DeskDelivery> SendAsync(string caseId, ConversationReference reference, string name, DeskEventValue value, CancellationToken cancellationToken)
    {
        var delivery = await deliveries.QueueAsync(caseId, reference, name, value, cancellationToken).ConfigureAwait(false);
        return (await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Tries at once a delivery a desk action queued (none: nothing to tell); returns it as it then stands.</summary>
    public async Task<DeskDelivery?> DeliverAsync(DeskDelivery? delivery, CancellationToken cancellationToken)
    {
        if (delivery is null)
        {
            return null;
        }

        var now = await deliveries.AttemptAsync(delivery.Id, first: true, cancellationToken).ConfigureAwait(false) ?? delivery;
        var conversationId = delivery.Event.Conversation?.Id ?? string.Empty;
        if (now.Status == DeskDeliveryStatus.Delivered)
        {
            LogSent(logger, delivery.Event.Name!, conversationId);
        }
        else
        {
            LogPending(logger, delivery.Event.Name!, conversationId, now.LastError ?? "an older message to them is still on its way");
        }

        return now;
    }

    /// <summary>A colleague's typing indicator: shown now or never, so it is neither kept nor tried again.</summary>
    public async Task TypingAsync(ConversationReference reference, DeskEventValue value, CancellationToken cancellationToken)
    {
        try
        {
            await turns.RunAsync(DeskEvents.For(reference, DeskEvents.AgentTyping, "desk", value, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogTypingLost(logger, reference.Conversation?.Id ?? string.Empty, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk event {Name} sent into conversation {ConversationId}")]
    private static partial void LogSent(ILogger logger, string name, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Desk event {Name} for conversation {ConversationId} is not through yet ({Reason}); it stays in the outbox")]
    private static partial void LogPending(ILogger logger, string name, string conversationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "A colleague's typing indicator did not reach conversation {ConversationId} ({Reason})")]
    private static partial void LogTypingLost(ILogger logger, string conversationId, string reason);
}
