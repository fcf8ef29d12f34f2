namespace SupportBot.Core.Insight;

/// <summary>One conversation to review: its facts, each customer message with the feeling band read from it, and the remedies granted.</summary>
public sealed record ConversationReview(ConversationFacts Facts, IReadOnlyList<CustomerTurnFact> Turns, IReadOnlyList<RemedyFact> Remedies);
