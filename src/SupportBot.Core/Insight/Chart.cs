namespace SupportBot.Core.Insight;

/// <summary>
/// One chart's data: a label per bar with the value it stands for (<see cref="Keys"/>), and one or more series of
/// values. Clicking a bar opens the conversations behind it: the review filtered by <see cref="Drill"/> = the bar's
/// key, and the series' own <see cref="ChartSeries.Filter"/>.
/// </summary>
public sealed record Chart(string Id, string Title, string Drill, IReadOnlyList<string> Keys, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);
