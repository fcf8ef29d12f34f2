namespace SupportBot.Core.Sentiment;

/// <summary>The sentiment of one sentence, with where it stands in the text.</summary>
public sealed record SentenceSentiment(string Text, int Offset, SentimentLabel Label, SentimentScores Scores);
