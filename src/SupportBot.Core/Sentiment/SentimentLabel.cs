namespace SupportBot.Core.Sentiment;

/// <summary>The document or sentence label, as Azure AI Language names them.</summary>
public enum SentimentLabel
{
    Neutral,
    Positive,
    Negative,
    Mixed,
}
