using SupportBot.Core.Activities;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;

namespace SupportBot.Web.Endpoints;

/// <summary>
/// What no client may claim, checked where activities arrive (<c>/api/messages</c> and Direct Line) before any turn
/// runs: the desk's caller id, and the names of the events the desk, the queue, the follow-up schedule and the
/// outbox (how an action went) raise.
/// <c>handoff.status</c> is the one exception, and only for a contact center's own calls.
/// </summary>
public static class ForgedEvents
{
    // Every event name in DeskEvents; handoff.status is decided apart.
    private static readonly HashSet<string> ServerEventNames = new(StringComparer.OrdinalIgnoreCase)
    {
        DeskEvents.QueueUpdate,
        DeskEvents.AgentJoined,
        DeskEvents.AgentMessage,
        DeskEvents.AgentTyping,
        DeskEvents.Decision,
        DeskEvents.HandBack,
        DeskEvents.Closed,
        DeskEvents.FollowUp,
        DeskEvents.HandoffInitiate,
        FulfilmentEvents.Outcome,
    };

    /// <summary>
    /// Why <paramref name="activity"/> must be refused (a 403 naming the field), or null when it may run.
    /// <paramref name="fromContactCenter"/>: the call comes from a channel listed in
    /// <c>Handoff:ContactCenterChannels</c> and, when an app id is configured, carried a valid channel token; only
    /// then may it report <c>handoff.status</c>. Never so for the built-in Direct Line endpoint: its callers are the
    /// customers' own clients.
    /// </summary>
    public static BodyFault? Refusal(Activity activity, bool fromContactCenter)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.Equals(activity.CallerId, DeskEvents.CallerId, StringComparison.OrdinalIgnoreCase))
        {
            return Forbidden("callerId", $"The caller id '{DeskEvents.CallerId}' belongs to the agent desk: only the server raises activities with it.");
        }

        if (activity.Name is not { Length: > 0 } name)
        {
            return null;
        }

        if (ServerEventNames.Contains(name))
        {
            return Forbidden("name", $"The event '{name}' is raised only by the server itself (the agent desk, the queue, the follow-up schedule or the outbox), never by a client.");
        }

        return string.Equals(name, DeskEvents.HandoffStatus, StringComparison.OrdinalIgnoreCase) && !fromContactCenter
            ? Forbidden("name", $"The event '{DeskEvents.HandoffStatus}' is raised only by a contact center, on a channel listed in Handoff:ContactCenterChannels.")
            : null;
    }

    private static BodyFault Forbidden(string field, string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message, field);
}
