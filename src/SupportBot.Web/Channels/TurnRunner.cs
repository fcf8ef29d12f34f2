using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Handoff;
using SupportBot.Web.Agents;
using SupportBot.Web.DirectLine;

namespace SupportBot.Web.Channels;

/// <summary>
/// The one way a turn runs and its replies go out, whoever starts it (<c>/api/messages</c>, Direct Line, the desk,
/// the terminal): the <see cref="BotAdapter"/> runs the turn, then the replies are delivered by channel. Direct Line
/// conversations read their replies from the transcript, so their stream is woken; <c>expectReplies</c> gets them
/// back to return to the caller; every other channel gets them through its Bot Connector (with Teams' adjustments,
/// threaded under the activity they answer, or, for a turn the desk raised, as new proactive activities). The open
/// agent consoles then hear that the conversation changed.
/// </summary>
public sealed class TurnRunner(BotAdapter adapter, ConnectorClient connector, DirectLineHub directLine, DeskFeed feed)
{
    /// <summary>
    /// Runs <paramref name="activity"/> (already checked at the edge) as a turn and delivers its replies. Returns the
    /// replies the caller must hand back itself (<c>expectReplies</c>); empty when they were delivered here. Throws
    /// when the Bot Connector stays unreachable: the turn is saved by then, and a redelivery sends its replies again.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity names no conversation.", nameof(activity));
        try
        {
            if (activity.ChannelId == DirectLineChannel.ChannelId)
            {
                await adapter.ProcessActivityAsync(activity, cancellationToken).ConfigureAwait(false);
                directLine.Notify(conversationId);
                return [];
            }

            if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
            {
                var result = await adapter.ProcessActivityAsync(activity, cancellationToken).ConfigureAwait(false);
                return [.. result.Replies.Select(TeamsActivities.ForTeams)];
            }

            await adapter.ProcessActivityAsync(activity, (replies, ct) => SendAsync(replies, Proactive(activity), ct), cancellationToken).ConfigureAwait(false);
            return [];
        }
        finally
        {
            // Also after a failed delivery: the turn itself was saved, and the console shows what was said.
            feed.ConversationChanged(activity.ChannelId ?? string.Empty, conversationId);
        }
    }

    /// <summary>
    /// Delivers replies made without a turn (the desk's answer to an Accept pressed in Teams) the way a turn's replies
    /// go: returned for <c>expectReplies</c>, otherwise sent to the channel's Bot Connector.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> DeliverAsync(Activity inbound, IReadOnlyList<Activity> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(replies);
        if (inbound.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            return [.. replies.Select(TeamsActivities.ForTeams)];
        }

        await SendAsync(replies, Proactive(inbound), cancellationToken).ConfigureAwait(false);
        return [];
    }

    // A turn the desk raised answers nothing the channel sent: its replies start new activities, with no replyToId.
    private static bool Proactive(Activity activity) => activity.CallerId == DeskEvents.CallerId;

    private async Task SendAsync(IReadOnlyList<Activity> replies, bool proactive, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await connector.SendAsync(proactive ? reply with { ReplyToId = null } : reply, cancellationToken).ConfigureAwait(false);
        }
    }
}
