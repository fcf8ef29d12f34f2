using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>A Direct Line 3.0 client over a real <see cref="HttpClient"/> and <see cref="ClientWebSocket"/>, speaking to a <see cref="BotHost"/>.</summary>
public sealed class DirectLineClient(BotHost host)
{
    /// <summary>A token for a new conversation from the page's own endpoint, <c>POST /directline/token</c>.</summary>
    public async Task<(string ConversationId, string Token)> PageTokenAsync(string? name = null)
    {
        using var response = await host.Client.PostAsync("directline/token", name is null ? null : JsonContent.Create(new JsonObject { ["name"] = name }));
        var body = await Json(response, 200);
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>Sends a request with a bearer credential; returns the status and the JSON body (null when empty).</summary>
    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? credential, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Starts the token's conversation; returns the status and the conversation body.</summary>
    public Task<(int Status, JsonNode? Body)> StartAsync(string token) =>
        SendAsync(HttpMethod.Post, "v3/directline/conversations", token);

    /// <summary>Posts a message as Web Chat would (with a <c>clientActivityID</c>) and returns the id the server gave it.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string token, string text, string? clientActivityId = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "r_client", ["role"] = "user" },
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        };
        var (status, body) = await SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, activity);
        Assert.True(status == 200, $"Posting '{text}' answered {status}: {body?.ToJsonString()}");
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>GET activities after a watermark (null: the parameter is sent empty, as directlinejs does first).</summary>
    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", token);
        Assert.Equal(200, status);
        return (body!["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }

    /// <summary>The texts of the bot's messages in a set of activities.</summary>
    public static List<string> BotTexts(JsonArray activities) =>
        [.. activities.Where(a => a!["type"]!.GetValue<string>() == "message" && a["from"]?["role"]?.GetValue<string>() != "user").Select(a => a!["text"]!.GetValue<string>())];

    /// <summary>Opens a stream URL as a WebSocket.</summary>
    public static async Task<DirectLineStream> OpenStreamAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        return new DirectLineStream(socket);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}

/// <summary>An open Direct Line WebSocket stream: each frame an ActivitySet, or empty (keep-alive).</summary>
public sealed class DirectLineStream(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket => socket;

    /// <summary>The next frame's text ("" for a keep-alive), or null when the server closed the stream.</summary>
    public async Task<string?> ReceiveFrameAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var frame = await socket.ReceiveAsync(buffer, cancel.Token);
            if (frame.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, frame.Count);
            if (frame.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    /// <summary>Activities from the stream, whole frames, until one satisfies <paramref name="until"/>; keep-alives skipped.</summary>
    public async Task<List<JsonNode>> ReceiveUntilAsync(Func<JsonNode, bool> until)
    {
        var received = new List<JsonNode>();
        while (true)
        {
            var frame = await ReceiveFrameAsync() ?? throw new InvalidOperationException("The server closed the stream.");
            if (frame.Length == 0)
            {
                continue;
            }

            var set = JsonNode.Parse(frame)!;
            Assert.NotNull(set["watermark"]);
            var activities = set["activities"]!.AsArray().Select(a => a!.DeepClone()).ToList();
            received.AddRange(activities);
            if (activities.Any(until))
            {
                return received;
            }
        }
    }

    public void Dispose() => socket.Dispose();
}
