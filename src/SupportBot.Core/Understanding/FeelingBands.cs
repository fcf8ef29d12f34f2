using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Maps the sentiment reader's compound score, intensity and emotions to a <see cref="Feeling"/> band. A stop-gap
/// until a feeling reader of its own: the one place that decides the bands, kept small on purpose.
/// </summary>
public static class FeelingBands
{
    /// <summary>The band of one analyzed message.</summary>
    public static Feeling Of(SentimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var compound = result.Compound;
        var angry = result.Has(Emotion.Anger, 0.5);
        var frustrated = result.Has(Emotion.Frustration, 0.5) || result.Has(Emotion.Anger);
        if (compound >= 0.5 && !frustrated)
        {
            return Feeling.Positive;
        }

        if (compound <= -0.8 && angry)
        {
            return Feeling.Furious;
        }

        if (compound <= -0.5 || (frustrated && compound < 0))
        {
            return Feeling.Upset;
        }

        return compound <= -0.05 || result.Has(Emotion.Disappointment) || result.Has(Emotion.Anxiety) || result.Has(Emotion.Sadness) ? Feeling.Mild : Feeling.Calm;
    }
}
