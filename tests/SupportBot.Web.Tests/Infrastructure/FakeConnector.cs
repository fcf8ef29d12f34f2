using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// A stand-in for a channel's Bot Connector: a real Kestrel app on 127.0.0.1 that records every request and answers
/// <c>{"id":"..."}</c> with 200, or the statuses it was told to answer first. Tests await
/// <see cref="WaitForRequestsAsync"/> instead of sleeping.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<(int Status, string? Body)> _answers = new();
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<RecordedRequest>> Signal)> _waiters = [];
    private WebApplication? _app;

    private FakeConnector()
    {
    }

    /// <summary>The connector's root, e.g. <c>http://127.0.0.1:51234/</c> (with the trailing slash channels send).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What an inbound activity names as its <c>serviceUrl</c> to have its replies sent here.</summary>
    public string ServiceUrl => BaseAddress.AbsoluteUri;

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts it on a free port, or on <paramref name="port"/> (a channel coming back where it was).</summary>
    public static async Task<FakeConnector> StartAsync(int port = 0)
    {
        var connector = new FakeConnector();
        (connector._app, connector.BaseAddress) = await LoopbackServer.StartAsync(connector.HandleAsync, port);
        return connector;
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with <paramref name="statusCode"/>, then 200 again. The body
    /// is <paramref name="body"/> when given (an empty string: no body), else <c>{"id":"..."}</c> for a 2xx and a Bot
    /// Connector error object otherwise.
    /// </summary>
    public void RespondNext(int count, int statusCode, string? body = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _answers.Enqueue((statusCode, body));
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests have arrived; throws <see cref="TimeoutException"/> rather than hang.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource<IReadOnlyList<RecordedRequest>> signal;
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return [.. _requests];
            }

            signal = new TaskCompletionSource<IReadOnlyList<RecordedRequest>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        try
        {
            return await signal.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The fake connector expected {count} requests but received {Requests.Count}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var rawBody = await reader.ReadToEndAsync(context.RequestAborted);
        JsonNode? body;
        try
        {
            body = rawBody.Length == 0 ? null : JsonNode.Parse(rawBody);
        }
        catch (JsonException)
        {
            body = null;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;

        int status;
        string? answerBody;
        List<TaskCompletionSource<IReadOnlyList<RecordedRequest>>> ready;
        IReadOnlyList<RecordedRequest> snapshot;
        lock (_lock)
        {
            (status, answerBody) = _answers.TryDequeue(out var queued) ? queued : (StatusCodes.Status200OK, null);
            _requests.Add(new RecordedRequest(context.Request.Method, rawTarget, headers, body, rawBody, status));
            snapshot = [.. _requests];
            ready = [.. _waiters.Where(w => w.Count <= _requests.Count).Select(w => w.Signal)];
            _waiters.RemoveAll(w => w.Count <= _requests.Count);
        }

        try
        {
            context.Response.StatusCode = status;
            if (answerBody is not null)
            {
                await context.Response.WriteAsync(answerBody, context.RequestAborted);
            }
            else
            {
                var answer = status is >= 200 and < 300
                    ? new JsonObject { ["id"] = $"reply-{snapshot.Count}" }
                    : new JsonObject { ["error"] = new JsonObject { ["code"] = "ServiceError", ["message"] = "fake failure" } };
                await context.Response.WriteAsJsonAsync(answer, context.RequestAborted);
            }
        }
        finally
        {
            foreach (var signal in ready)
            {
                signal.TrySetResult(snapshot);
            }
        }
    }
}
