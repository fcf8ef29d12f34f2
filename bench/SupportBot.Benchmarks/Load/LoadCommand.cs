using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// The <c>load</c> command: opens one keep-alive connection per conversation, runs all conversations through a
/// warm-up, then measures for a fixed time and prints throughput, latency percentiles, errors and the server's
/// peak RSS, ending with one machine-readable <c>RESULT</c> line.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args)
    {
        var options = LoadOptions.Parse(args.Span, out var error);
        if (options is null)
        {
            if (string.IsNullOrEmpty(error))
            {
                Console.WriteLine(LoadOptions.Usage);
                return 0;
            }

            await Console.Error.WriteLineAsync($"load: {error}\n\n{LoadOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        return await RunAsync(options).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(LoadOptions options)
    {
        var conversations = options.Conversations;
        var connections = new ConnectionCounter();
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = conversations,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            ConnectCallback = connections.ConnectAsync,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ActivityHeadersPropagator = null,
        };
        using var client = new HttpClient(handler, disposeHandler: false)
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        await using var monitor = options.Pids.Count > 0 ? new ProcessMonitor(options.Pids) : null;
        if (monitor is { Readable: false })
        {
            await Console.Error.WriteLineAsync($"load: warning: cannot read /proc/PID/status of {string.Join(", ", options.Pids)}; no RSS figures").ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"load: {options.Label}: {conversations} conversations against {string.Join(" and ", options.Urls)}, warm-up at least {options.WarmupSeconds} s and until every conversation was walked once, measuring {options.DurationSeconds} s"));

        // Open the keep-alive connections before the clock starts: a busy server may accept new ones slowly.
        var runId = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        foreach (var url in options.Urls)
        {
            var primeError = await OpenConnectionsAsync(client, url, conversations, connections.Opened + conversations, runId, connections).ConfigureAwait(false);
            if (primeError is not null)
            {
                await Console.Error.WriteLineAsync($"load: cannot reach {url}: {primeError}").ConfigureAwait(false);
                Console.WriteLine(ResultLine(options, new RunFigures { Errors = 1 }));
                return 1;
            }
        }

        var openedBeforeWarmup = connections.Opened;
        var begin = Stopwatch.GetTimestamp();
        var window = new LoadWindow();
        var errorLog = new ErrorLog();

        var workers = new LoadWorker[conversations];
        var tasks = new Task[conversations];
        try
        {
            for (var i = 0; i < conversations; i++)
            {
                workers[i] = options.DirectLine
                    ? new DirectLineWorker(i, client, new Uri(options.Url, "/"), window, errorLog, options.Flow, TimeSpan.FromSeconds(options.TimeoutSeconds))
                    : new ConversationWorker(i, client, options.Urls, runId, window, errorLog, options.Flow);
            }

            for (var i = 0; i < conversations; i++)
            {
                tasks[i] = Task.Run(workers[i].RunAsync);
            }

            // The clock starts after the warm-up's seconds and once every customer has walked a whole conversation, so
            // that no first of a turn is measured: the customers start together, and a turn's first time is a cold
            // path (the first call to the business system's webhook, made by every customer at once). At most a
            // minute more, should a customer never get through.
            await DelayUntilAsync(begin + (long)(options.WarmupSeconds * Stopwatch.Frequency)).ConfigureAwait(false);
            var giveUp = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
            while (!Array.TrueForAll(workers, w => w.Walked) && Stopwatch.GetTimestamp() < giveUp)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            var start = Stopwatch.GetTimestamp();
            window.Open(start, start + (long)(options.DurationSeconds * Stopwatch.Frequency));
            var warmup = (start - begin) / (double)Stopwatch.Frequency;
            var connectionsAtStart = connections.Opened;
            var serverCpuAtStart = monitor?.CpuSeconds();
            var ownCpuAtStart = Environment.CpuUsage.TotalTime;

            await DelayUntilAsync(window.End).ConfigureAwait(false);
            var connectionsAtEnd = connections.Opened;
            var serverCpuAtEnd = monitor?.CpuSeconds();
            var ownCpuAtEnd = Environment.CpuUsage.TotalTime;

            await Task.WhenAll(tasks).ConfigureAwait(false);
            var peakRss = monitor is null ? null : await monitor.StopAsync().ConfigureAwait(false);

            var seconds = (window.End - window.Start) / (double)Stopwatch.Frequency;
            double? serverCpu = serverCpuAtStart is { } s0 && serverCpuAtEnd is { } s1 ? (s1 - s0) / seconds * 100 : null;
            var ownCpu = (ownCpuAtEnd - ownCpuAtStart).TotalSeconds / seconds * 100;

            return Report(
                options,
                workers,
                errorLog,
                seconds,
                warmup,
                peakRss,
                serverCpu,
                ownCpu,
                openedBeforeWarmup,
                connectionsAtStart,
                connectionsAtEnd);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker?.Dispose();
            }
        }
    }

    private static int Report(
        LoadOptions options,
        LoadWorker[] workers,
        ErrorLog errorLog,
        double seconds,
        double warmupSeconds,
        double? peakRss,
        double? serverCpu,
        double ownCpu,
        long openedBeforeWarmup,
        long openedBeforeStart,
        long openedBeforeEnd)
    {
        long errors = 0, warmupErrors = 0, conversationsCompleted = 0, totalTurns = 0;
        var perTurn = new long[options.Flow.TurnCount][];
        var perTurnFill = new int[options.Flow.TurnCount];
        for (var turn = 0; turn < options.Flow.TurnCount; turn++)
        {
            var count = 0;
            foreach (var worker in workers)
            {
                count += worker.Latencies[turn].Count;
            }

            perTurn[turn] = new long[count];
        }

        foreach (var worker in workers)
        {
            errors += worker.Errors;
            warmupErrors += worker.WarmupErrors;
            conversationsCompleted += worker.ConversationsCompleted;
            totalTurns += worker.TurnsCompleted;
            for (var turn = 0; turn < options.Flow.TurnCount; turn++)
            {
                var list = worker.Latencies[turn];
                list.CopyTo(perTurn[turn], perTurnFill[turn]);
                perTurnFill[turn] += list.Count;
            }
        }

        var measured = 0;
        foreach (var latencies in perTurn)
        {
            measured += latencies.Length;
        }

        var all = new long[measured];
        var offset = 0;
        foreach (var latencies in perTurn)
        {
            Array.Sort(latencies);
            latencies.CopyTo(all, offset);
            offset += latencies.Length;
        }

        Array.Sort(all);
        var turnsPerSecond = totalTurns / seconds;
        var latency = new Percentiles(all);

        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"label          {options.Label}");
        text.AppendLine(c, $"url            {string.Join(" and ", options.Urls)}");
        text.AppendLine(c, $"conversations  {options.Conversations} concurrent");
        text.AppendLine(c, $"duration       {seconds:F2} s measured, after {warmupSeconds:F1} s warm-up (at least {options.WarmupSeconds:0.##} s, until every conversation was walked once)");
        text.AppendLine(c, $"turns          {totalTurns} completed ({conversationsCompleted} whole conversations)");
        text.AppendLine(c, $"turns/s        {turnsPerSecond:F1}");
        text.AppendLine(c, $"latency ms     p50 {latency.P50:F1}   p95 {latency.P95:F1}   p99 {latency.P99:F1}   max {latency.Max:F1}");
        text.Append("per turn p50/p99 ms ");
        for (var turn = 0; turn < options.Flow.TurnCount; turn++)
        {
            var p = new Percentiles(perTurn[turn]);
            text.Append(c, $"  {turn + 1}: {p.P50:F1}/{p.P99:F1}");
        }

        text.AppendLine();
        text.AppendLine(c, $"errors         {errors} (warm-up: {warmupErrors})");
        text.AppendLine(c, $"connections    {openedBeforeWarmup} opened before warm-up, {openedBeforeStart - openedBeforeWarmup} during warm-up, {openedBeforeEnd - openedBeforeStart} while measuring");
        if (options.Pids.Count > 0)
        {
            var pid = string.Join(" + ", options.Pids);
            text.AppendLine(peakRss is { } rss
                ? string.Create(c, $"server peak RSS {rss:F1} MiB (pid {pid}: max of VmHWM and VmRSS sampled every 250 ms)")
                : string.Create(c, $"server peak RSS n/a (pid {pid} unreadable)"));
            text.AppendLine(serverCpu is { } cpu
                ? string.Create(c, $"server CPU     {cpu:F0}% of one core while measuring")
                : "server CPU     n/a");
        }

        text.AppendLine(c, $"loadgen CPU    {ownCpu:F0}% of one core while measuring ({Environment.ProcessorCount} cores)");
        foreach (var detail in errorLog.Details)
        {
            text.AppendLine(c, $"first errors   {detail}");
        }

        text.Append(ResultLine(options, new RunFigures
        {
            Seconds = seconds,
            Turns = totalTurns,
            TurnsPerSecond = turnsPerSecond,
            Latency = latency,
            Errors = errors,
            WarmupErrors = warmupErrors,
            PeakRssMib = peakRss,
            ServerCpuPercent = serverCpu,
            LoadgenCpuPercent = ownCpu,
        }));
        Console.WriteLine(text.ToString());

        return errors + warmupErrors == 0 && totalTurns > 0 ? 0 : 1;
    }

    /// <summary>The one-line, machine-readable form of a run's figures; "na" where a figure is unknown.</summary>
    private static string ResultLine(LoadOptions options, RunFigures figures)
    {
        var label = new StringBuilder(options.Label);
        for (var i = 0; i < label.Length; i++)
        {
            if (char.IsWhiteSpace(label[i]) || label[i] == '=')
            {
                label[i] = '_';
            }
        }

        static string Value(double? value, string format) =>
            value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "na";

        var latency = figures.Latency;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"RESULT label={label} conv={options.Conversations} duration_s={Value(figures.Seconds, "F2")} turns={figures.Turns} " +
            $"turns_per_s={Value(figures.TurnsPerSecond, "F1")} p50_ms={Value(latency?.P50, "F1")} p95_ms={Value(latency?.P95, "F1")} " +
            $"p99_ms={Value(latency?.P99, "F1")} max_ms={Value(latency?.Max, "F1")} errors={figures.Errors + figures.WarmupErrors} " +
            $"peak_rss_mib={Value(figures.PeakRssMib, "F1")} server_cpu_pct={Value(figures.ServerCpuPercent, "F0")} " +
            $"loadgen_cpu_pct={Value(figures.LoadgenCpuPercent, "F0")} measured_errors={figures.Errors} warmup_errors={figures.WarmupErrors}");
    }

    /// <summary>
    /// Opens the pool's connections before the clock starts. Each round sends one greeting per missing connection
    /// (in throw-away conversations) and holds every response unread until all have arrived, so no request can reuse
    /// another's connection; rounds repeat until <paramref name="goal"/> connections have been opened in all (with
    /// several instances, <paramref name="count"/> to each).
    /// </summary>
    /// <returns>The first failure, or null.</returns>
    private static async Task<string?> OpenConnectionsAsync(
        HttpClient client, Uri url, int count, long goal, string runId, ConnectionCounter connections)
    {
        using var writer = new ActivityWriter();
        for (var round = 0; round < 10 && connections.Opened < goal; round++)
        {
            var requests = new HttpRequestMessage[count];
            var responses = new Task<HttpResponseMessage>[count];
            for (var i = 0; i < count; i++)
            {
                var conversationId = string.Create(CultureInfo.InvariantCulture, $"load-{runId}-open-{url.Port}-{round}-{i}");
                var body = writer.Write(conversationId, "user-" + conversationId, conversationId + "-1", "hi").ToArray();
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
                requests[i] = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                responses[i] = client.SendAsync(requests[i], HttpCompletionOption.ResponseHeadersRead);
            }

            try
            {
                await Task.WhenAll(responses).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                return $"{ex.GetType().Name}: {ex.Message}";
            }
            finally
            {
                for (var i = 0; i < count; i++)
                {
                    if (responses[i].IsCompletedSuccessfully)
                    {
                        responses[i].Result.Dispose();
                    }

                    requests[i].Dispose();
                }
            }
        }

        return null;
    }

    private static async Task DelayUntilAsync(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining).ConfigureAwait(false);
        }
    }

    /// <summary>The figures of one run, for the RESULT line.</summary>
    private sealed class RunFigures
    {
        public double? Seconds { get; init; }

        public long Turns { get; init; }

        public double? TurnsPerSecond { get; init; }

        public Percentiles? Latency { get; init; }

        public long Errors { get; init; }

        public long WarmupErrors { get; init; }

        public double? PeakRssMib { get; init; }

        public double? ServerCpuPercent { get; init; }

        public double? LoadgenCpuPercent { get; init; }
    }

    /// <summary>Nearest-rank percentiles of sorted Stopwatch tick latencies, in milliseconds.</summary>
    private sealed class Percentiles(long[] sorted)
    {
        public double P50 { get; } = At(sorted, 0.50);

        public double P95 { get; } = At(sorted, 0.95);

        public double P99 { get; } = At(sorted, 0.99);

        public double Max { get; } = sorted.Length == 0 ? double.NaN : ToMilliseconds(sorted[^1]);

        private static double At(long[] sorted, double quantile)
        {
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var rank = (int)Math.Ceiling(quantile * sorted.Length);
            return ToMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
        }

        private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>Opens the TCP connections for the pool (Nagle off) and counts them.</summary>
    private sealed class ConnectionCounter
    {
        private long _opened;

        public long Opened => Interlocked.Read(ref _opened);

        public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _opened);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
