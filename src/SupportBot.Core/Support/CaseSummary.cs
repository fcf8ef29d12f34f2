namespace SupportBot.Core.Support;

/// <summary>
/// The case brief a colleague receives at handoff, so the customer never repeats their story: who, what happened
/// in their words, what was asked and answered, what else bothers them, how they felt and how that moved, the
/// remedy wanted and why it needs a person. Card numbers and similar details are masked.
/// </summary>
public sealed record CaseSummary
{
    public required string CaseId { get; init; }

    public required string CustomerName { get; init; }

    public required string CustomerId { get; init; }

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public string Tier { get; init; } = "standard";

    public required string Category { get; init; }

    public required string CategoryTitle { get; init; }

    /// <summary>The problem in the customer's own words.</summary>
    public required string Complaint { get; init; }

    /// <summary>The problem in one line.</summary>
    public required string Problem { get; init; }

    public IReadOnlyList<ClarifyingAnswer> Answers { get; init; } = [];

    /// <summary>What the customer already tried, from their answers.</summary>
    public string? AlreadyTried { get; init; }

    public IReadOnlyList<string> UnderlyingIssues { get; init; } = [];

    public IReadOnlyList<MoodReading> Moods { get; init; } = [];

    /// <summary>How the feeling moved across the customer's turns: "improving", "steady" or "worsening".</summary>
    public required string MoodTrend { get; init; }

    public IReadOnlyList<string> RemediesOffered { get; init; } = [];

    /// <summary>The remedy the customer wants (title from the catalog, or their own words).</summary>
    public string? RemedyWanted { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>Why the remedy needs a person's approval, when it does.</summary>
    public string? ApprovalReason { get; init; }

    public required HandoffReason Reason { get; init; }

    /// <summary>Questions already answered: the colleague need not ask them again.</summary>
    public IReadOnlyList<string> DoNotAskAgain { get; init; } = [];

    /// <summary>What the customer fixed or added on seeing this brief.</summary>
    public string? CustomerAddition { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
