using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Cases;

/// <summary>
/// Chooses the empathy statement for what a customer just wrote: by how strongly negative it reads (mild, moderate,
/// severe) and its strongest emotion, one band warmer when frustration is rising, an acknowledgement when the
/// customer is calming down, and never a line already said in the conversation.
/// </summary>
public static class EmpathyPicker
{
    /// <summary>The emotions that have their own empathy lines; anything else uses "general".</summary>
    public static IReadOnlyList<string> Emotions { get; } = ["anger", "frustration", "anxiety", "disappointment", "confusion", "general"];

    /// <summary>The three strengths of negative feeling, from calmer to stronger.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["mild", "moderate", "severe"];

    /// <summary>Negative intensity below this is mild; below <see cref="SevereFrom"/>, moderate.</summary>
    public const double ModerateFrom = 0.35;

    public const double SevereFrom = 0.65;

    /// <summary>A rise in negative intensity of at least this much since the previous turn warms the reply by one band.</summary>
    public const double RisingBy = 0.15;

    /// <summary>The prompt key for <paramref name="now"/>, given the customer's earlier turns (oldest first).</summary>
    public static string PromptKey(MoodReading now, IReadOnlyList<MoodReading> earlier)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(earlier);
        var previous = earlier.Count > 0 ? earlier[^1] : null;
        var negative = now.NegativeIntensity;
        if (negative == 0)
        {
            if (previous is { NegativeIntensity: >= ModerateFrom })
            {
                return "empathy.improving";
            }

            return now.Emotions.Contains("gratitude") ? "empathy.gratitude" : "empathy.neutral";
        }

        if (previous is { NegativeIntensity: >= SevereFrom } && previous.NegativeIntensity - negative >= 2 * RisingBy)
        {
            return "empathy.improving";
        }

        var band = negative >= SevereFrom ? 2 : negative >= ModerateFrom ? 1 : 0;
        if (previous is not null && negative - previous.NegativeIntensity >= RisingBy)
        {
            band = Math.Min(band + 1, 2);
        }

        return $"empathy.{Bands[band]}.{DominantEmotion(now)}";
    }

    /// <summary>
    /// Where to look when every variant of <paramref name="key"/> was already said: the same band's general lines,
    /// then its other emotions, then the next warmer band, so a long conversation still never repeats a line.
    /// </summary>
    public static IEnumerable<string> Fallbacks(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        yield return key;
        var parts = key.Split('.');
        if (parts.Length != 3)
        {
            yield return "empathy.neutral";
            yield return "empathy.mild.general";
            yield break;
        }

        var band = Bands.ToList().IndexOf(parts[1]);
        foreach (var b in Enumerable.Range(0, Bands.Count).Select(i => (band + i) % Bands.Count))
        {
            yield return $"empathy.{Bands[b]}.general";
            foreach (var emotion in Emotions.Where(e => e != "general"))
            {
                yield return $"empathy.{Bands[b]}.{emotion}";
            }
        }
    }

    /// <summary>The strongest emotion that has empathy lines of its own, else "general".</summary>
    public static string DominantEmotion(MoodReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.Emotions.FirstOrDefault(e => Emotions.Contains(e)) ?? "general";
    }

    /// <summary>A reading of a turn from the analyzer's result; emotions strongest first.</summary>
    public static MoodReading Read(int turn, SentimentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var emotions = result.Emotions.OrderByDescending(e => e.Strength).Select(e => e.Emotion.ToString().ToLowerInvariant()).ToList();
        return new MoodReading(turn, result.Label.ToString().ToLowerInvariant(), Math.Round(result.Compound, 3), Math.Round(result.Intensity, 3), emotions);
    }

    /// <summary>
    /// True when frustration keeps rising: the last three turns grow more negative and the latest is at least
    /// moderate, or the last two are both severe.
    /// </summary>
    public static bool FrustrationRising(IReadOnlyList<MoodReading> moods)
    {
        ArgumentNullException.ThrowIfNull(moods);
        if (moods.Count >= 2 && moods[^1].NegativeIntensity >= SevereFrom && moods[^2].NegativeIntensity >= SevereFrom)
        {
            return true;
        }

        return moods.Count >= 3
            && moods[^1].NegativeIntensity > moods[^2].NegativeIntensity
            && moods[^2].NegativeIntensity > moods[^3].NegativeIntensity
            && moods[^1].NegativeIntensity >= ModerateFrom;
    }

    /// <summary>"improving", "worsening" or "steady", comparing the last turn with the first.</summary>
    public static string Trend(IReadOnlyList<MoodReading> moods)
    {
        ArgumentNullException.ThrowIfNull(moods);
        if (moods.Count < 2)
        {
            return "steady";
        }

        var change = moods[^1].Compound - moods[0].Compound;
        return change >= 0.2 ? "improving" : change <= -0.2 ? "worsening" : "steady";
    }
}
