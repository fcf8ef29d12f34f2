using System.Collections.Concurrent;

namespace SupportBot.Web.Hosting;

/// <summary>
/// Counts per key in fixed windows of one length, aligned to the clock: a key over its limit within a window is
/// refused until the window ends. Counting is a lock-free increment; windows of keys that went quiet are swept away.
/// </summary>
public sealed class FixedWindows(TimeSpan window, TimeProvider time)
{
    private readonly long _windowTicks = window.Ticks;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Counts one for <paramref name="key"/>: null when it is within <paramref name="limit"/>; otherwise the seconds to wait.</summary>
    public int? TryAcquire(string key, int limit)
    {
        var now = time.GetUtcNow().UtcTicks;
        var start = now - (now % _windowTicks);
        var window = _windows.GetOrAdd(key, static (_, s) => new Window(s), start);
        if (Interlocked.Read(ref window.Start) != start)
        {
            lock (window)
            {
                if (window.Start != start)
                {
                    window.Count = 0;
                    Interlocked.Exchange(ref window.Start, start);
                }
            }
        }

        Sweep(now, start);
        return Interlocked.Increment(ref window.Count) <= limit
            ? null
            : Math.Max(1, (int)Math.Ceiling(TimeSpan.FromTicks(start + _windowTicks - now).TotalSeconds));
    }

    // Once per window, drop the windows that ended before the current one.
    private void Sweep(long now, long start)
    {
        var next = Interlocked.Read(ref _nextSweep);
        if (now < next || Interlocked.CompareExchange(ref _nextSweep, start + _windowTicks, next) != next)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (Interlocked.Read(ref window.Start) < start)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed class Window(long start)
    {
        public long Start = start;
        public int Count;
    }
}
