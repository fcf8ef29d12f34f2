using SupportBot.Core.Activities;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>A handed-over case as the desk keeps it: the case, where to reach the customer, and who has it.</summary>
public sealed record DeskCase
{
    public required string CaseId { get; init; }

    /// <summary>The case as it stood at the handover; its brief is <see cref="CaseSummary.Of"/> of it.</summary>
    public required SupportCase Case { get; init; }

    /// <summary>The customer's conversation, to reach them later.</summary>
    public required ConversationReference Reference { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.Waiting;

    /// <summary>The colleague's sign-in name and display name once accepted.</summary>
    public string? AgentLogin { get; init; }

    public string? AgentName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How to reach the customer when nobody was available.</summary>
    public string? CallbackContact { get; init; }

    /// <summary>What the colleague decided or noted, in order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The Teams card announcing the case in the agents' channel, to update when someone takes it.</summary>
    public string? TeamsCardId { get; init; }

    /// <summary>What the Teams card shows now ("waiting", the agent's name, "closed"), so it is updated only on a change.</summary>
    public string? TeamsCardState { get; init; }

    /// <summary>When the customer last heard about the queue.</summary>
    public DateTimeOffset? LastUpdateAt { get; init; }

    /// <summary>The brief a colleague reads: a view of <see cref="Case"/>.</summary>
    public CaseSummary Brief() => CaseSummary.Of(Case);
}
