using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Handoff;

/// <summary>What handing over works with: the desk's queue, the check-in schedule, when colleagues are there, and contact centers.</summary>
public sealed class HandoffServices
{
    /// <summary>The queue handed-over cases go to (none: the case is only kept in the conversation).</summary>
    public HandoffDesk? Desk { get; init; }

    /// <summary>Where resolved cases' check-ins are scheduled (none: no check-ins).</summary>
    public FollowUpSchedule? FollowUps { get; init; }

    /// <summary>How long after a case is resolved the bot checks in.</summary>
    public TimeSpan FollowUpAfter { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Whether a colleague can take a case now (signed in, within opening hours).</summary>
    public Func<bool> AgentsAvailable { get; init; } = () => true;

    /// <summary>Why no colleague can take a case now, in words ("every colleague is helping another customer just now").</summary>
    public Func<string> NobodyFreeBecause { get; init; } = () => "our team is away just now";

    /// <summary>When colleagues are here, in words ("Monday to Friday, 08:00 to 18:00 (UTC time)"); null without set hours.</summary>
    public Func<string?> TeamHours { get; init; } = () => null;

    /// <summary>The transcripts, for the contact-center handoff (the conversation so far goes with the case).</summary>
    public ITranscriptStore? Transcripts { get; init; }

    /// <summary>Channels whose handoffs go to a contact center by the Bot Framework handoff protocol.</summary>
    public IReadOnlySet<string> ContactCenterChannels { get; init; } = new HashSet<string>();

    /// <summary>Channels whose handoffs also go to the built-in agent desk (default: all but contact-center-only ones).</summary>
    public Func<string, bool> UsesDesk { get; init; } = _ => true;

    /// <summary>The currency of an amount a customer writes without one (<c>Support:Currency</c>).</summary>
    public string Currency { get; init; } = "USD";

    /// <summary>Schedules the check-in on a resolved case, committed with the turn's state (not in a write of its own).</summary>
    public void ScheduleFollowUp(TurnContext context, SupportCase supportCase)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(supportCase);
        if (FollowUps is null)
        {
            return;
        }

        var due = context.TimeProvider.GetUtcNow() + FollowUpAfter;
        var followUp = new FollowUp(supportCase.CaseId, context.Activity.GetConversationReference(), supportCase, supportCase.Mirrored is { Length: > 0 } mirrored ? mirrored : "your case", supportCase.RemedyText() ?? "the fix", due);
        context.AddOutbox(FollowUpSchedule.Row(followUp, context.TimeProvider.GetUtcNow()));
    }
}
