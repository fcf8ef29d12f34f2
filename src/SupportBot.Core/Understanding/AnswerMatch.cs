namespace SupportBot.Core.Understanding;

/// <summary>The answer a question matched, and how sure the reader is of it (0 to 1).</summary>
public sealed record AnswerMatch(Answer Answer, double Confidence);
