namespace SupportBot.Core.State;

/// <summary>Makes ETags that never repeat within a store's lifetime and are unlikely to repeat across restarts.</summary>
internal static class ETags
{
    private static readonly string Prefix = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.NextInt64())).ToLowerInvariant();
    private static long _counter;

    public static string Next() => $"{Prefix}-{Interlocked.Increment(ref _counter):x}";

    /// <summary>True when a write carrying <paramref name="expected"/> may replace an item stored with <paramref name="current"/>.</summary>
    public static bool Matches(string? expected, string? current) =>
        expected is null || expected == "*" || current is null || expected == current;
}
