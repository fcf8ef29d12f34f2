using System.Globalization;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// Watches the server process through Linux's /proc: samples its resident set (VmRSS) every 250 ms, and at the end
/// reads its high-water mark (VmHWM); the peak is the larger of the two. Also reads its CPU time for utilisation.
/// </summary>
internal sealed class ProcessMonitor : IAsyncDisposable
{
    // USER_HZ, the unit of /proc/PID/stat times, is 100 on every mainstream Linux build.
    private const double ClockTicksPerSecond = 100;

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKib = -1;

    public ProcessMonitor(int pid)
    {
        _pid = pid;
        Sample();
        _sampling = SampleLoopAsync();
    }

    /// <summary>Whether the process could be read at all when the monitor started.</summary>
    public bool Readable => _peakKib >= 0;

    /// <summary>Stops sampling and returns the peak resident set in MiB, or null if /proc could not be read.</summary>
    public async Task<double?> StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _sampling.ConfigureAwait(false);
            Sample();
        }

        return _peakKib < 0 ? null : _peakKib / 1024.0;
    }

    /// <summary>The CPU time (user + system) the process has used so far, in seconds; null if unreadable.</summary>
    public double? CpuSeconds()
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{_pid.ToString(CultureInfo.InvariantCulture)}/stat");
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
        string status;
        try
        {
            status = File.ReadAllText($"/proc/{_pid.ToString(CultureInfo.InvariantCulture)}/status");
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

                if (long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) && kib > _peakKib)
                {
                    _peakKib = kib;
                }
            }
        }
    }
}
