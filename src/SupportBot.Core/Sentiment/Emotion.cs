namespace SupportBot.Core.Sentiment;

/// <summary>The feelings a support agent must answer to.</summary>
public enum Emotion
{
    Anger,
    Frustration,
    Anxiety,
    Disappointment,
    Confusion,
    Gratitude,
    Sadness,
}
