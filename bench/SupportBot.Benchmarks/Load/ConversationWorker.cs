using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// One simulated customer: walks its conversation flow in a fresh conversation, checks each turn's replies, and starts
/// over until the measurement window ends. Latencies of turns completed inside the window are kept per turn, in
/// <see cref="Stopwatch"/> ticks. Everything here is owned by one worker; the results are read after it finishes.
/// </summary>
internal sealed class ConversationWorker : ILoadWorker
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly int _index;
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly string _runId;
    private readonly LoadWindow _window;
    private readonly ErrorLog _errorLog;
    private readonly ActivityWriter _writer = new();
    private readonly Replies _replies = new();
    private byte[] _body = new byte[16 * 1024];

    private readonly ConversationFlow _flow;

    public ConversationWorker(int index, HttpClient client, Uri url, string runId, LoadWindow window, ErrorLog errorLog, ConversationFlow flow)
    {
        _flow = flow;
        _index = index;
        _client = client;
        _url = url;
        _runId = runId;
        _window = window;
        _errorLog = errorLog;
        Latencies = new List<long>[flow.TurnCount];
        for (var turn = 0; turn < Latencies.Length; turn++)
        {
            Latencies[turn] = new List<long>(512);
        }
    }

    /// <summary>Per turn (0-based), the latencies in Stopwatch ticks of the turns that completed inside the window.</summary>
    public List<long>[] Latencies { get; }

    /// <summary>Failed turns that ended after the clock started (checks, non-200 answers, exceptions).</summary>
    public long Errors { get; private set; }

    /// <summary>Failed turns that ended during the warm-up.</summary>
    public long WarmupErrors { get; private set; }

    /// <summary>Conversations whose last turn completed inside the window.</summary>
    public long ConversationsCompleted { get; private set; }

    public async Task RunAsync()
    {
        for (long n = 0; Stopwatch.GetTimestamp() < _window.End; n++)
        {
            var conversationId = string.Create(CultureInfo.InvariantCulture, $"load-{_runId}-{_index}-{n}");
            var userId = "user-" + conversationId;
            for (var turn = 0; turn < _flow.TurnCount; turn++)
            {
                if (Stopwatch.GetTimestamp() >= _window.End)
                {
                    return;
                }

                var finished = await RunTurnAsync(conversationId, userId, turn, n).ConfigureAwait(false);
                if (finished < 0)
                {
                    break;
                }

                if (turn == _flow.TurnCount - 1 && _window.Contains(finished))
                {
                    ConversationsCompleted++;
                }
            }
        }
    }

    /// <summary>Runs one turn; returns the timestamp at which it completed, or -1 if it failed.</summary>
    private async Task<long> RunTurnAsync(string conversationId, string userId, int turn, long conversation)
    {
        var text = _flow.Say(turn, _index, conversation);
        var activityId = string.Create(CultureInfo.InvariantCulture, $"{conversationId}-{turn + 1}");
        var request = _writer.Write(conversationId, userId, activityId, text);

        string? failure = null;
        var transportFailed = false;
        var status = HttpStatusCode.OK;
        var length = 0;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var content = new ReadOnlyMemoryContent(request);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            using var message = new HttpRequestMessage(HttpMethod.Post, _url) { Content = content };
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            status = response.StatusCode;
            length = await ReadBodyAsync(response.Content).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            failure = $"{ex.GetType().Name}: {ex.Message}";
            transportFailed = true;
        }

        var finished = Stopwatch.GetTimestamp();

        if (failure is null && status != HttpStatusCode.OK)
        {
            failure = string.Create(
                CultureInfo.InvariantCulture,
                $"HTTP {(int)status} {status}: {Encoding.UTF8.GetString(_body, 0, Math.Min(length, 300))}");
        }

        if (failure is null)
        {
            failure = _replies.Load(_body.AsMemory(0, length));
            if (failure is null)
            {
                failure = _flow.Check(turn, _replies, _index, conversation);
                if (failure is not null)
                {
                    failure = $"{failure}; replies: {_replies.Describe()}";
                }
            }
            else
            {
                failure = $"{failure}: {Encoding.UTF8.GetString(_body, 0, Math.Min(length, 300))}";
            }
        }

        if (failure is null)
        {
            if (_window.Contains(finished))
            {
                Latencies[turn].Add(finished - started);
            }

            return finished;
        }

        if (finished >= _window.Start)
        {
            Errors++;
        }
        else
        {
            WarmupErrors++;
        }

        _errorLog.Report($"conversation {conversationId}, turn {turn + 1} (sent \"{text}\"): {failure}");
        if (transportFailed)
        {
            // Connection-level failures come back at once; do not spin on a server that is gone.
            await Task.Delay(10).ConfigureAwait(false);
        }

        return -1;
    }

    /// <summary>Reads the whole response body into the worker's reusable buffer.</summary>
    private async Task<int> ReadBodyAsync(HttpContent content)
    {
        var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var total = 0;
            while (true)
            {
                if (total == _body.Length)
                {
                    if (_body.Length >= MaxBodyBytes)
                    {
                        throw new IOException($"response body larger than {MaxBodyBytes} bytes");
                    }

                    Array.Resize(ref _body, _body.Length * 2);
                }

                var read = await stream.ReadAsync(_body.AsMemory(total)).ConfigureAwait(false);
                if (read == 0)
                {
                    return total;
                }

                total += read;
            }
        }
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>The measurement window on the <see cref="Stopwatch"/> timeline: warm-up before it, nothing after.</summary>
internal sealed class LoadWindow(long start, long end)
{
    public long Start { get; } = start;

    public long End { get; } = end;

    public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;
}

/// <summary>Counts nothing itself; keeps and prints the first few error details of all workers.</summary>
internal sealed class ErrorLog
{
    private const int MaxDetails = 5;

    private readonly List<string> _details = new(MaxDetails);
    private int _reported;

    public IReadOnlyList<string> Details
    {
        get
        {
            lock (_details)
            {
                return [.. _details];
            }
        }
    }

    public void Report(string detail)
    {
        if (Interlocked.Increment(ref _reported) > MaxDetails)
        {
            return;
        }

        lock (_details)
        {
            _details.Add(detail);
        }

        Console.Error.WriteLine($"error: {detail}");
    }
}
