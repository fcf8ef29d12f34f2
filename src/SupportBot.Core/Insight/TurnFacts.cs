namespace SupportBot.Core.Insight;

/// <summary>
/// The facts one turn records for the dashboard, committed with its state and transcript: the conversation as it now
/// stands, the prompt variants it showed, what followed the ones shown before, the remedies it granted and the
/// customer's message.
/// </summary>
public sealed record TurnFacts(
    ConversationFacts Conversation,
    IReadOnlyList<ShownPrompt> Shown,
    IReadOnlyList<PromptFollowed> Followed,
    IReadOnlyList<RemedyFact> Remedies,
    CustomerTurnFact? CustomerTurn);
