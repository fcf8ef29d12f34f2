namespace SupportBot.Core.Insight;

/// <summary>One customer message: its activity, when, the feeling band read from it (when one was), and its text as stored (masked).</summary>
public sealed record CustomerTurnFact(string ConversationFactsId, string? ActivityId, DateTimeOffset At, string? Feeling, string? Text);
