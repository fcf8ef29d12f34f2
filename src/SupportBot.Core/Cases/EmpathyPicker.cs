using SupportBot.Core.Sentiment;

namespace SupportBot.Core.Cases;

/// <summary>
/// Chooses the empathy statement for what a customer just wrote: by its feeling band (mild, upset, furious) and its
/// strongest emotion, an acknowledgement when the customer is calming down, and never a line already said in the
/// conversation. The same bands decide when rising frustration hands the case to a colleague, and the trend the
/// colleague's brief shows.
/// </summary>
public static class EmpathyPicker
{
    /// <summary>The emotions that have their own empathy lines; anything else uses "general".</summary>
    public static IReadOnlyList<string> Emotions { get; } = ["anger", "frustration", "anxiety", "disappointment", "confusion", "general"];

    /// <summary>The bands with empathy lines of their own, from calmer to stronger; calm and positive customers are thanked instead.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["mild", "upset", "furious"];

    /// <summary>The prompt key for <paramref name="now"/>, given the customer's earlier turns (oldest first).</summary>
    public static string PromptKey(MoodReading now, IReadOnlyList<MoodReading> earlier)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(earlier);
        var previous = earlier.Count > 0 ? earlier[^1] : null;
        if (previous is not null && Calmed(previous, now))
        {
            return "empathy.improving";
        }

        if (now.Heat == 0)
        {
            return now.Feeling == "positive" ? "empathy.gratitude" : "empathy.neutral";
        }

        // "I'm going to leave you and post a review everywhere": the threat is answered, never passed over.
        return now.Threat is { } threat ? $"empathy.threat.{threat}" : $"empathy.{Bands[now.Heat - 1]}.{DominantEmotion(now)}";
    }

    /// <summary>True when the feeling rose to upset or furious since the previous turn: the reply acknowledges it anew.</summary>
    public static bool Rose(MoodReading previous, MoodReading now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(now);
        return now.Heat >= 2 && now.Heat > previous.Heat;
    }

    /// <summary>
    /// True when an upset or furious customer now writes positively ("ok thanks, that helps"): the reply acknowledges
    /// it. A plain answer ("order 4471") is not calming down.
    /// </summary>
    public static bool Calmed(MoodReading previous, MoodReading now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(now);
        return previous.Heat >= 2 && now.Feeling == "positive";
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
        if (parts is [_, "threat", _])
        {
            // A threat's own lines used up: the warmest lines for a customer that angry.
            parts = ["empathy", "furious", "general"];
        }

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
    /// <param name="turn">The customer's turn.</param>
    /// <param name="result">How the turn reads.</param>
    /// <param name="text">What they wrote, for what a threat in it threatens; none: no threat is read.</param>
    public static MoodReading Read(int turn, SentimentResult result, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var emotions = result.Emotions.OrderByDescending(e => e.Strength).Select(e => e.Emotion.ToString().ToLowerInvariant()).ToList();
        return new MoodReading(turn, result.Label.ToString().ToLowerInvariant(), Math.Round(result.Compound, 3), Math.Round(result.Intensity, 3), emotions, result.Feeling.ToString().ToLowerInvariant(), result.Feeling is Feeling.Calm or Feeling.Positive ? null : ThreatReader.Kind(text, result.Signals));
    }

    /// <summary>
    /// True when frustration keeps rising: the last two turns are furious, or the last three grow more heated to upset
    /// or furious, hotter than the customer has been so far (upset, a calm answer, then upset again is not rising).
    /// </summary>
    public static bool FrustrationRising(IReadOnlyList<MoodReading> moods)
    {
        ArgumentNullException.ThrowIfNull(moods);
        if (moods.Count >= 2 && moods[^1].Heat == 3 && moods[^2].Heat == 3)
        {
            return true;
        }

        return moods.Count >= 3 && moods[^1].Heat > moods[^2].Heat && moods[^2].Heat > moods[^3].Heat && moods[^1].Heat >= 2
            && moods.Take(moods.Count - 1).All(m => m.Heat < moods[^1].Heat);
    }

    /// <summary>"improving", "worsening" or "steady", comparing the last turn's band with the first's.</summary>
    public static string Trend(IReadOnlyList<MoodReading> moods)
    {
        ArgumentNullException.ThrowIfNull(moods);
        if (moods.Count < 2)
        {
            return "steady";
        }

        var change = moods[^1].Heat - moods[0].Heat;
        return change > 0 ? "worsening" : change < 0 ? "improving" : "steady";
    }
}
