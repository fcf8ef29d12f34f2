using System.Globalization;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// Watches the server processes (one per instance) through Linux's /proc: samples each one's resident set (VmRSS)
/// every 250 ms, and at the end reads its high-water mark (VmHWM); a process's peak is the larger of the two, and
/// the figures are the sums over the processes. Also reads their CPU time for utilisation.
/// </summary>
internal sealed class ProcessMonitor : IAsyncDisposable
{
    // USER_HZ, the unit of /proc/PID/stat times, is 100 on every mainstream Linux build.
    private const double ClockTicksPerSecond = 100;

    private readonly IReadOnlyList<int> _pids;
    private readonly long[] _peakKib;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ProcessMonitor(IReadOnlyList<int> pids)
    {
        _pids = pids;
        _peakKib = [.. pids.Select(_ => -1L)];
        Sample();
        _sampling = SampleLoopAsync();
    }

    /// <summary>Whether every process could be read at all when the monitor started.</summary>
    public bool Readable => _peakKib.All(k => k >= 0);

    /// <summary>Stops sampling and returns the peak resident set in MiB, or null if /proc could not be read.</summary>
    public async Task<double?> StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _sampling.ConfigureAwait(false);
            Sample();
        }

        return Readable ? _peakKib.Sum() / 1024.0 : null;
    }

    /// <summary>The CPU time (user + system) the processes have used so far, in seconds; null if one is unreadable.</summary>
    public double? CpuSeconds()
    {
        double total = 0;
        foreach (var pid in _pids)
        {
            if (CpuSeconds(pid) is not { } seconds)
            {
                return null;
            }

            total += seconds;
        }

        return total;
    }

    private static double? CpuSeconds(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": after the last ')', field 3 (state) is index 0, so utime (14) is 11, stime (15) is 12.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length > 12
            && long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user)
            && long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            return (user + system) / ClockTicksPerSecond;
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SampleLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Sample()
    {
        for (var i = 0; i < _pids.Count; i++)
        {
            Sample(i);
        }
    }

    private void Sample(int index)
    {
        string status;
        try
        {
            status = File.ReadAllText($"/proc/{_pids[index].ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal) || line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                // "VmRSS:     123456 kB"
                var number = line[6..].Trim();
                var space = number.IndexOf(' ');
                if (space > 0)
                {
                    number = number[..space];
                }

                if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) && kib > _peakKib[index])
                {
                    _peakKib[index] = kib;
                }
            }
        }
    }
}
