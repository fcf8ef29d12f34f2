namespace SupportBot.Core.Understanding;

/// <summary>A category and the reader's probability that the message belongs to it.</summary>
public sealed record CategoryScore(string Category, double Probability);
