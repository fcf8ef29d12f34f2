namespace SupportBot.Core.Insight;

/// <summary>
/// Which conversations to review: those of <see cref="Filter"/>, narrowed by what any of the customer's messages
/// says (<see cref="Text"/>, as stored: masked), the outcome, a feeling band at any customer turn, at the first or
/// at the last, the handoff reason, the rating, the last step, a remedy granted, a currency paid in, a time-to-agent
/// bucket (<see cref="DashboardCharts.Waits"/>) or a part of the period (<see cref="PeriodFrom"/>, <see cref="PeriodTo"/>).
/// Every chart bar names one of these.
/// </summary>
public sealed record ReviewQuery(InsightFilter Filter)
{
    public string? Text { get; init; }

    public string? Outcome { get; init; }

    public string? Feeling { get; init; }

    public string? First { get; init; }

    public string? Last { get; init; }

    /// <summary>The handoff reason; "any" for any handoff, "none" for none.</summary>
    public string? Reason { get; init; }

    public int? Rating { get; init; }

    public string? Step { get; init; }

    public string? Remedy { get; init; }

    public string? Currency { get; init; }

    public int? Wait { get; init; }

    public DateTimeOffset? PeriodFrom { get; init; }

    public DateTimeOffset? PeriodTo { get; init; }

    public int Limit { get; init; } = 50;

    public int Offset { get; init; }
}
