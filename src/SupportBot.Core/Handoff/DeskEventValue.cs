using SupportBot.Core.Cases;

namespace SupportBot.Core.Handoff;

/// <summary>What a desk event carries (the fields its name uses).</summary>
public sealed record DeskEventValue
{
    public string? CaseId { get; init; }

    /// <summary>The colleague's display name, as customers see it.</summary>
    public string? Agent { get; init; }

    /// <summary>
    /// The colleague's own id in the conversation (<c>from.id</c> of what they say, after <see cref="ColleagueAccount.IdPrefix"/>):
    /// the same for each of their messages, different for each colleague, and never their sign-in name.
    /// </summary>
    public string? AgentId { get; init; }

    public string? Text { get; init; }

    public AgentDecision? Decision { get; init; }

    public string? Remedy { get; init; }

    public string? Note { get; init; }

    public string? Recap { get; init; }

    public int? Position { get; init; }

    public string? Wait { get; init; }

    /// <summary>The case, for a check-in that may reopen it.</summary>
    public SupportCase? Case { get; init; }

    /// <summary>handoff.status: accepted, failed or completed.</summary>
    public HandoffState? State { get; init; }
}
