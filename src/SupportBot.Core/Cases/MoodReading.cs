namespace SupportBot.Core.Cases;

/// <summary>
/// How the customer felt at one of their turns: the feeling band (calm, mild, upset, furious or positive), the
/// sentiment label, compound and intensity, the emotions, strongest first, and what they threatened, if anything
/// (one of <see cref="Sentiment.ThreatReader.Kinds"/>).
/// </summary>
public sealed record MoodReading(int Turn, string Label, double Compound, double Intensity, IReadOnlyList<string> Emotions, string Feeling = "calm", string? Threat = null)
{
    /// <summary>
    /// How heated the band is: calm and positive 0, mild 1, upset 2, furious 3 (a reading kept before bands existed
    /// counts as calm).
    /// </summary>
    public int Heat => Feeling switch
    {
        "mild" => 1,
        "upset" => 2,
        "furious" => 3,
        _ => 0,
    };
}
