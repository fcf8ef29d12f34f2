using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// A business system's webhooks on 127.0.0.1 (real Kestrel): it records every request, raw bytes included, and
/// answers from a script (<see cref="AnswerNext"/>), else 200 with a reference. It acts like a careful real system:
/// an action is carried out once per idempotency key, however often it is sent (<see cref="Performed"/>), and only
/// when it answers it: a request held until the caller went away did nothing.
/// </summary>
public sealed class FakeBusinessSystem : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly Lock _lock = new();
    private readonly List<BusinessRequest> _requests = [];
    private readonly Queue<Answer> _answers = new();
    private readonly HashSet<string> _performed = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    /// <summary>An answer: its status, body and <c>Retry-After</c>; <see cref="Hold"/> keeps the caller waiting until it completes.</summary>
    public sealed record Answer(int Status, string? Body = null, string? RetryAfter = null)
    {
        public Task? Hold { get; init; }

        /// <summary>Never answers: the caller times out or goes away.</summary>
        public static Answer Hang() => new(0) { Hold = Task.Delay(Timeout.Infinite) };
    }

    private FakeBusinessSystem()
    {
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The webhook URL for <paramref name="name"/> (<c>…/refunds</c>).</summary>
    public string Url(string name) => new Uri(BaseAddress, name).AbsoluteUri;

    public IReadOnlyList<BusinessRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many different actions it carried out (one per idempotency key it answered 2xx).</summary>
    public int Performed
    {
        get
        {
            lock (_lock)
            {
                return _performed.Count;
            }
        }
    }

    public static async Task<FakeBusinessSystem> StartAsync()
    {
        var business = new FakeBusinessSystem();
        (business._app, business.BaseAddress) = await LoopbackServer.StartAsync(business.HandleAsync);
        return business;
    }

    /// <summary>The next requests get these answers, in order; then 200 again.</summary>
    public void AnswerNext(params Answer[] answers)
    {
        lock (_lock)
        {
            foreach (var answer in answers)
            {
                _answers.Enqueue(answer);
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; throws rather than hang.</summary>
    public async Task<IReadOnlyList<BusinessRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (Requests.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The business system expected {count} requests but received {Requests.Count}.");
            }

            await Task.Delay(50);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new BusinessRequest(DateTimeOffset.UtcNow, context.Request.Path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray());
        Answer answer;
        lock (_lock)
        {
            _requests.Add(request);
            answer = _answers.TryDequeue(out var next) ? next : new Answer(200, "{\"reference\":\"RF-" + _requests.Count + "\"}");
        }

        if (answer.Hold is { } hold)
        {
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await hold.WaitAsync(gone.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        lock (_lock)
        {
            request.AnsweredStatus = answer.Status;
            if (answer.Status is >= 200 and < 300)
            {
                _performed.Add(request.Header("Idempotency-Key"));
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        if (answer.Body is { } text)
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
        }
    }
}
