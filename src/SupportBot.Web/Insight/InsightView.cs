using SupportBot.Core.Insight;

namespace SupportBot.Web.Insight;

/// <summary>What the dashboard draws for a period: the summary, every chart, every prompt variant's figures, and the channels and categories to filter by.</summary>
public sealed record InsightView(InsightFilter Filter, InsightSummary Summary, IReadOnlyList<Chart> Charts, IReadOnlyList<PromptStats> Prompts, IReadOnlyList<string> Channels, IReadOnlyList<string> Categories);
