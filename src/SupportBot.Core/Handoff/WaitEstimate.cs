namespace SupportBot.Core.Handoff;

/// <summary>An expected wait in whole minutes, as a range; <see cref="Samples"/> handoffs it is based on (0: no basis yet).</summary>
public sealed record WaitEstimate(int LowMinutes, int HighMinutes, int Samples)
{
    /// <summary>"about 3 to 5 minutes", "about 4 minutes", or null when there is nothing to base it on.</summary>
    public string? Describe() => Samples == 0
        ? null
        : LowMinutes == HighMinutes
            ? $"about {Minutes(LowMinutes)}"
            : $"about {LowMinutes} to {Minutes(HighMinutes)}";

    private static string Minutes(int n) => n == 1 ? "1 minute" : $"{n} minutes";
}
