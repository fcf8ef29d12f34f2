namespace SupportBot.Core.Cases;

/// <summary>A clarifying question and the customer's answer (or the words that already answered it).</summary>
public sealed record ClarifyingAnswer(string QuestionId, string Question, string Answer);
