namespace SupportBot.Core.Insight;

/// <summary>
/// The period at a glance: conversations, how many were resolved without a person and how many went to one, the
/// average rating, the average wait for a colleague, and the average heat (0 calm to 3 furious) at the customers'
/// first and last turns: the sentiment lift is the first minus the last.
/// </summary>
public sealed record InsightSummary(long Conversations, long Contained, long HandedOff, double? AverageRating, double? AverageSecondsToAgent, double? FirstHeat, double? LastHeat);
