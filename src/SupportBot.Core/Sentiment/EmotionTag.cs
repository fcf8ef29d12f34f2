namespace SupportBot.Core.Sentiment;

/// <summary>One emotion found in the text and how strongly (0..1).</summary>
public sealed record EmotionTag(Emotion Emotion, double Strength);
