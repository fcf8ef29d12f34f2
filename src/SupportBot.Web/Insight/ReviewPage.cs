using SupportBot.Core.Insight;

namespace SupportBot.Web.Insight;

/// <summary>One page of the review's search: how many conversations match in all, these, and the channels and categories to filter by.</summary>
public sealed record ReviewPage(long Total, IReadOnlyList<ConversationFacts> Items, IReadOnlyList<string>? Channels = null, IReadOnlyList<string>? Categories = null);
