namespace SupportBot.Core.Insight;

/// <summary>
/// What the dashboard knows of one conversation about one case, rewritten by every turn of it: where and when it
/// started, the category, how the customer felt at their first turn and at their last, whether and why it went to
/// a person and how long they waited for one, whether it was resolved without one, the rating, and the last dialog
/// step it reached. A new case in the same conversation (after "start over", or days later) is a new one.
/// </summary>
public sealed record ConversationFacts
{
    public required string Id { get; init; }

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public string? CaseId { get; init; }

    public required DateTimeOffset Started { get; init; }

    /// <summary>When its last turn ran.</summary>
    public required DateTimeOffset LastAt { get; init; }

    public string? Category { get; init; }

    /// <summary>The feeling band at the customer's first turn (calm, positive, mild, upset, furious), once read.</summary>
    public string? FirstFeeling { get; init; }

    /// <summary>The feeling band at the customer's latest turn.</summary>
    public string? LastFeeling { get; init; }

    /// <summary>How heated the first band is: calm and positive 0, mild 1, upset 2, furious 3.</summary>
    public int? FirstHeat { get; init; }

    public int? LastHeat { get; init; }

    /// <summary>Why it went to a person (<c>CustomerAsked</c>, <c>RemedyNeedsApproval</c>…), or null when it did not.</summary>
    public string? HandoffReason { get; init; }

    /// <summary>True once the customer said it was sorted.</summary>
    public bool Resolved { get; init; }

    /// <summary>How long the customer waited from the handover until a colleague joined, once one did.</summary>
    public TimeSpan? TimeToAgent { get; init; }

    /// <summary><see cref="TimeToAgent"/> in seconds.</summary>
    public double? SecondsToAgent => TimeToAgent?.TotalSeconds;

    /// <summary>1 to 5, when the customer rated the chat.</summary>
    public int? Rating { get; init; }

    /// <summary>The last dialog step reached ("Remedy: ask amount").</summary>
    public string? LastStep { get; init; }

    public int CustomerTurns { get; init; }

    /// <summary>Resolved without a person.</summary>
    public bool Contained => Resolved && HandoffReason is null;

    /// <summary><see cref="Outcomes.Handoff"/>, <see cref="Outcomes.Resolved"/> (without a person) or <see cref="Outcomes.Open"/>.</summary>
    public string Outcome => HandoffReason is not null ? Outcomes.Handoff : Resolved ? Outcomes.Resolved : Outcomes.Open;
}
