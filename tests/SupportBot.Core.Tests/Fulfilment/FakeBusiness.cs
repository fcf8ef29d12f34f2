using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SupportBot.Core.Tests.Fulfilment;

/// <summary>
/// A business system behind the webhooks, in process (the real HTTP one is in the web tests): it answers every
/// request with <see cref="Answer"/> and keeps what it received.
/// </summary>
internal sealed class FakeBusiness : HttpMessageHandler
{
    /// <summary>A system that does everything asked and gives a reference.</summary>
    public static FakeBusiness Up() => new(_ => Json(HttpStatusCode.OK, "{\"reference\":\"REF-1001\"}"));

    /// <summary>A system that is down (503) on every attempt.</summary>
    public static FakeBusiness Down() => new(_ => Json(HttpStatusCode.ServiceUnavailable, "{\"error\":\"maintenance\"}"));

    /// <summary>The system a chat file's <c>business=</c> setting names (up unless it says down).</summary>
    public static FakeBusiness Named(string? name) => name switch
    {
        null or "up" => Up(),
        "down" => Down(),
        _ => throw new ArgumentException($"business={name}: use up or down.", nameof(name)),
    };

    public FakeBusiness(Func<HttpRequestMessage, HttpResponseMessage> answer) => Answer = answer;

    public Func<HttpRequestMessage, HttpResponseMessage> Answer { get; set; }

    /// <summary>The requests received: path, headers and body.</summary>
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Headers, string Body)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue((request.RequestUri!.AbsolutePath, headers, body));
        return Answer(request);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
