using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// One simulated customer on <c>POST /api/messages</c> with <c>expectReplies</c>: walks its flow in a fresh
/// conversation, checks each turn's replies, and starts over until the measurement window ends.
/// </summary>
internal sealed class ConversationWorker : LoadWorker
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly IReadOnlyList<Uri> _urls;
    private readonly string _runId;
    private readonly ActivityWriter _writer = new();
    private readonly Replies _replies = new();
    private byte[] _body = new byte[16 * 1024];

    public ConversationWorker(int index, HttpClient client, IReadOnlyList<Uri> urls, string runId, LoadWindow window, ErrorLog errorLog, ConversationFlow flow)
        : base(index, window, errorLog, flow)
    {
        _client = client;
        _urls = urls;
        _runId = runId;
    }

    public override async Task RunAsync()
    {
        for (long n = 0; Stopwatch.GetTimestamp() < Window.End; n++)
        {
            var conversationId = string.Create(CultureInfo.InvariantCulture, $"load-{_runId}-{Index}-{n}");
            var userId = "user-" + conversationId;
            for (var turn = 0; turn < Flow.TurnCount; turn++)
            {
                if (Stopwatch.GetTimestamp() >= Window.End)
                {
                    return;
                }

                if (!await RunTurnAsync(conversationId, userId, turn, n).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Runs one turn; returns whether it passed.</summary>
    private async Task<bool> RunTurnAsync(string conversationId, string userId, int turn, long conversation)
    {
        var text = Flow.Say(turn, Index, conversation);
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
            // With several instances of one bot, each turn goes to the next: every turn finds its state elsewhere.
            using var message = new HttpRequestMessage(HttpMethod.Post, _urls[(Index + turn) % _urls.Count]) { Content = content };
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
                failure = Flow.Check(turn, _replies, Index, conversation);
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

        if (Record(turn, started, finished, failure, $"conversation {conversationId}, turn {turn + 1} (sent \"{text}\")"))
        {
            return true;
        }

        if (transportFailed)
        {
            // Connection-level failures come back at once; do not spin on a server that is gone.
            await Task.Delay(10).ConfigureAwait(false);
        }

        return false;
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

    public override void Dispose()
    {
        _writer.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// The measurement window on the <see cref="Stopwatch"/> timeline: warm-up before it, nothing after. It opens once
/// the warm-up is over (<see cref="Open"/>); until then it starts and ends never.
/// </summary>
internal sealed class LoadWindow
{
    private long _start = long.MaxValue;
    private long _end = long.MaxValue;

    public long Start => Volatile.Read(ref _start);

    public long End => Volatile.Read(ref _end);

    public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;

    public void Open(long start, long end)
    {
        Volatile.Write(ref _end, end);
        Volatile.Write(ref _start, start);
    }
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
