namespace SupportBot.Core.Cases;

/// <summary>How the customer felt at one of their turns.</summary>
public sealed record MoodReading(int Turn, string Label, double Compound, double Intensity, IReadOnlyList<string> Emotions)
{
    /// <summary>How strongly negative the turn was: its intensity when negative, else 0.</summary>
    public double NegativeIntensity => Compound <= -0.05 ? Intensity : 0;
}
