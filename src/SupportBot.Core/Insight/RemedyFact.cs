namespace SupportBot.Core.Insight;

/// <summary>A remedy granted in a conversation, with what it pays and in which currency, when it pays money.</summary>
public sealed record RemedyFact(string Id, string ConversationFactsId, string ChannelId, string? Category, string? RemedyId, string Title, decimal? Amount, string? Currency, bool ByColleague, DateTimeOffset GrantedAt);
