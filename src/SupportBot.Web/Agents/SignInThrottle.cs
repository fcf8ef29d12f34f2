using System.Collections.Concurrent;

namespace SupportBot.Web.Agents;

/// <summary>
/// Slows password guessing on the console's sign-in, per sign-in name and per address: the first
/// <see cref="FreeFailures"/> wrong passwords within <see cref="Window"/> cost nothing, each one after that locks the
/// name (or the address) for twice as long as the last, from 30 seconds up to 15 minutes. A right password clears the
/// name's count. Only failures are kept, and old ones are swept away.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long <paramref name="login"/> from <paramref name="address"/> must wait before trying again; null when it may try now.</summary>
    public TimeSpan? Wait(string login, string address)
    {
        var now = time.GetUtcNow();
        var longest = new[] { Key("login", login), Key("address", address) }
            .Select(key => _failures.TryGetValue(key, out var f) ? f.LockedUntil - now : TimeSpan.Zero)
            .Max();
        return longest > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(longest.TotalSeconds)) : null;
    }

    /// <summary>Counts a wrong password for both the name and the address.</summary>
    public void Failed(string login, string address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > 10_000)
        {
            foreach (var (key, stale) in _failures.Where(f => now - f.Value.Last > Window && now > f.Value.LockedUntil).ToList())
            {
                _failures.TryRemove(key, out _);
            }
        }

        foreach (var key in new[] { Key("login", login), Key("address", address) })
        {
            _failures.AddOrUpdate(key, _ => Next(new Failures(0, now, DateTimeOffset.MinValue), now), (_, f) => Next(now - f.Last > Window ? new Failures(0, now, f.LockedUntil) : f, now));
        }
    }

    /// <summary>A right password: the name starts afresh (the address keeps its count, so one address cannot try many names).</summary>
    public void Succeeded(string login) => _failures.TryRemove(Key("login", login), out _);

    private static Failures Next(Failures f, DateTimeOffset now)
    {
        var count = f.Count + 1;
        if (count <= FreeFailures)
        {
            return new Failures(count, now, f.LockedUntil);
        }

        var lockFor = TimeSpan.FromTicks(Math.Min(FirstLock.Ticks << Math.Min(count - FreeFailures - 1, 10), LongestLock.Ticks));
        return new Failures(count, now, now + lockFor);
    }

    private static string Key(string kind, string value) => $"{kind}:{value}";

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
