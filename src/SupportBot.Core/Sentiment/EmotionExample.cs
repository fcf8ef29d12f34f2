namespace SupportBot.Core.Sentiment;

/// <summary>
/// A labeled message the feeling model learns from: its polarity (null when its raters' emotions were mixed or
/// ambiguous, so it teaches the emotions only) and the emotions the raters found in it.
/// </summary>
public sealed record EmotionExample(string Text, SentimentLabel? Polarity, IReadOnlyList<Emotion> Emotions);
