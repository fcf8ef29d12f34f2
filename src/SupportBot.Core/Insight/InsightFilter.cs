namespace SupportBot.Core.Insight;

/// <summary>The period the dashboard looks at (conversations started from <see cref="From"/>, before <see cref="To"/>), and optionally one channel and one category.</summary>
public sealed record InsightFilter(DateTimeOffset From, DateTimeOffset To, string? Channel = null, string? Category = null);
