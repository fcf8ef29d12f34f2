namespace SupportBot.Core.Sentiment;

/// <summary>Confidence scores for the three classes; they sum to 1.</summary>
public sealed record SentimentScores(double Positive, double Neutral, double Negative);
