namespace SupportBot.Core.Sentiment;

/// <summary>
/// How a text reads: Azure-shaped label, scores and sentences, plus a compound score (-1 very negative .. +1 very
/// positive), the intensity of the feeling (0 calm .. 1 extreme), emotion tags, opinion targets, the feeling band and
/// the signals it was read from.
/// </summary>
public sealed record SentimentResult
{
    public required SentimentLabel Label { get; init; }

    public required SentimentScores Scores { get; init; }

    public IReadOnlyList<SentenceSentiment> Sentences { get; init; } = [];

    /// <summary>-1 (very negative) to +1 (very positive); 0 is neutral.</summary>
    public required double Compound { get; init; }

    /// <summary>How strong the feeling is, whatever its direction: 0 calm to 1 extreme.</summary>
    public required double Intensity { get; init; }

    public IReadOnlyList<EmotionTag> Emotions { get; init; } = [];

    public IReadOnlyList<OpinionTarget> Targets { get; init; } = [];

    /// <summary>How the customer feels, in the bands a support agent would use.</summary>
    public Feeling Feeling { get; init; }

    /// <summary>What the way the message is written says (capitals, swearing, threats, "still", waiting, sarcasm…).</summary>
    public FeelingSignal Signals { get; init; }

    /// <summary>Which analyzer produced this (e.g. "local", "azure", "local (fallback)").</summary>
    public string Source { get; init; } = "local";

    /// <summary>True when <paramref name="emotion"/> was found with at least <paramref name="minimum"/> strength.</summary>
    public bool Has(Emotion emotion, double minimum = 0.0) => Emotions.Any(e => e.Emotion == emotion && e.Strength > minimum);
}
