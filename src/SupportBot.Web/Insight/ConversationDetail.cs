using SupportBot.Core.Insight;

namespace SupportBot.Web.Insight;

/// <summary>A conversation under review: its facts, remedies and customer turns, and its messages as stored.</summary>
public sealed record ConversationDetail(ConversationReview Review, IReadOnlyList<ReviewLine> Lines);
