namespace SupportBot.Core.Insight;

/// <summary>One series of a <see cref="Chart"/>: a value per label, and the review filter its bars add ("outcome=handoff"), if any.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string? Filter = null);
