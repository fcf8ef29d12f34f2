using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// One simulated website customer on SupportBot's built-in Direct Line, as Web Chat does it: a token from
/// <c>POST /directline/token</c>, <c>POST /v3/directline/conversations</c>, the WebSocket stream, then each message
/// posted to <c>/v3/directline/conversations/{id}/activities</c>. Turn 0 is the start (token, start, socket, greeting);
/// every other turn's latency runs from the post until the frame with the bot's replies has arrived on the socket
/// (and the post has been answered). Replies are checked as in the <c>expectReplies</c> mode.
/// </summary>
internal sealed class DirectLineWorker : LoadWorker
{
    private readonly HttpClient _client;
    private readonly Uri _root;
    private readonly TimeSpan _timeout;
    private readonly Replies _replies = new();
    private readonly ArrayBufferWriter<byte> _frame = new(16 * 1024);

    public DirectLineWorker(int index, HttpClient client, Uri root, LoadWindow window, ErrorLog errorLog, ConversationFlow flow, TimeSpan timeout)
        : base(index, window, errorLog, flow)
    {
        _client = client;
        _root = root;
        _timeout = timeout;
    }

    public override async Task RunAsync()
    {
        for (long n = 0; Stopwatch.GetTimestamp() < Window.End; n++)
        {
            ClientWebSocket? socket = null;
            string? conversationId = null, token = null;
            try
            {
                for (var turn = 0; turn < Flow.TurnCount; turn++)
                {
                    if (Stopwatch.GetTimestamp() >= Window.End)
                    {
                        return;
                    }

                    var text = turn == 0 ? "(start)" : Flow.Say(turn, Index, n);
                    var started = Stopwatch.GetTimestamp();
                    string? failure;
                    try
                    {
                        using var cancel = new CancellationTokenSource(_timeout);
                        if (turn == 0)
                        {
                            (conversationId, token, var streamUrl) = await StartAsync(cancel.Token).ConfigureAwait(false);
                            socket = new ClientWebSocket();
                            await socket.ConnectAsync(new Uri(streamUrl), cancel.Token).ConfigureAwait(false);
                            failure = await ReceiveRepliesAsync(socket, cancel.Token).ConfigureAwait(false);
                        }
                        else
                        {
                            var post = PostAsync(conversationId!, token!, text, cancel.Token);
                            failure = await ReceiveRepliesAsync(socket!, cancel.Token).ConfigureAwait(false);
                            failure = await post.ConfigureAwait(false) ?? failure;
                        }

                        if (failure is null && Flow.Check(turn, _replies, Index, n) is { } wrong)
                        {
                            failure = $"{wrong}; replies: {_replies.Describe()}";
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or WebSocketException or JsonException)
                    {
                        failure = $"{ex.GetType().Name}: {ex.Message}";
                    }

                    var finished = Stopwatch.GetTimestamp();
                    if (Record(turn, started, finished, failure, $"Direct Line conversation {conversationId ?? "(not started)"}, turn {turn + 1} (sent \"{text}\")"))
                    {
                        continue;
                    }

                    await Task.Delay(10).ConfigureAwait(false);
                    break;
                }
            }
            finally
            {
                if (socket is not null)
                {
                    await CloseAsync(socket).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(CancellationToken cancellationToken)
    {
        using var minted = await _client.PostAsync(new Uri(_root, "directline/token"), Json($$"""{"name":"{{ActivityWriter.CustomerName}}"}"""), cancellationToken).ConfigureAwait(false);
        minted.EnsureSuccessStatusCode();
        using var mintedBody = JsonDocument.Parse(await minted.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        var token = mintedBody.RootElement.GetProperty("token").GetString()!;

        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(_root, "v3/directline/conversations"));
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await _client.SendAsync(start, cancellationToken).ConfigureAwait(false);
        if (started.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"start answered {(int)started.StatusCode}");
        }

        using var body = JsonDocument.Parse(await started.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return (body.RootElement.GetProperty("conversationId").GetString()!, token, body.RootElement.GetProperty("streamUrl").GetString()!);
    }

    /// <summary>Posts a message as Web Chat does; returns why the post failed, or null.</summary>
    private async Task<string?> PostAsync(string conversationId, string token, string text, CancellationToken cancellationToken)
    {
        var body = new StringBuilder(160).Append("""{"type":"message","from":{"id":"r_load","role":"user"},"text":""")
            .Append(JsonSerializer.Serialize(text)).Append('}').ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_root, $"v3/directline/conversations/{conversationId}/activities")) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK ? null : string.Create(CultureInfo.InvariantCulture, $"the post answered HTTP {(int)response.StatusCode}");
    }

    /// <summary>Reads frames until one carries bot messages (the turn's replies, committed together); keep-alives and the echo alone are skipped.</summary>
    private async Task<string?> ReceiveRepliesAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            _frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(_frame.GetMemory(8 * 1024), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return "the server closed the stream";
                }

                _frame.Advance(result.Count);
            }
            while (!result.EndOfMessage);

            if (_frame.WrittenCount == 0)
            {
                continue;
            }

            if (_replies.Load(_frame.WrittenMemory, skipUser: true) is { } malformed)
            {
                return malformed;
            }

            if (_replies.MessageCount > 0)
            {
                return null;
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", grace.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
