using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// <c>handoff --url http://127.0.0.1:PORT --login L --password P [--samples N] [--pause-ms M]</c>: how long from the
/// moment a customer triggers a handoff until the case appears in a signed-in agent's console. One agent session
/// listens to the console's event stream; a website customer (built-in Direct Line) walks to the handoff again and
/// again. Each sample runs from the post of the customer's "that's right" (the last step before the handoff) until
/// the console's event for that case has arrived and its queue lists the case. Run it alongside <c>load</c> to
/// measure under load. Prints p50, p95, p99 and max in milliseconds.
/// </summary>
internal static class HandoffProbe
{
    public static async Task<int> RunAsync(ReadOnlyMemory<string> args)
    {
        string? url = null, login = null, password = null;
        var samples = 100;
        var pause = 50;
        var list = args.Span;
        for (var i = 0; i + 1 < list.Length; i += 2)
        {
            switch (list[i])
            {
                case "--url": url = list[i + 1].TrimEnd('/'); break;
                case "--login": login = list[i + 1]; break;
                case "--password": password = list[i + 1]; break;
                case "--samples": samples = int.Parse(list[i + 1], CultureInfo.InvariantCulture); break;
                case "--pause-ms": pause = int.Parse(list[i + 1], CultureInfo.InvariantCulture); break;
                default: break;
            }
        }

        if (url is null || login is null || password is null)
        {
            await Console.Error.WriteLineAsync("usage: handoff --url http://127.0.0.1:PORT --login L --password P [--samples N] [--pause-ms M]").ConfigureAwait(false);
            return 2;
        }

        var root = new Uri(url + "/");
        using var agentHandler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var agent = new HttpClient(agentHandler) { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan };
        using var signIn = await agent.PostAsync("agent/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = password })).ConfigureAwait(false);
        if (signIn.Headers.Location?.OriginalString != "/agent")
        {
            await Console.Error.WriteLineAsync("handoff: the agent could not sign in").ConfigureAwait(false);
            return 1;
        }

        // The console's event stream: every "case" event's id, with the time it arrived.
        var arrived = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var events = await agent.GetAsync("agent/events", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var reader = new StreamReader(await events.Content.ReadAsStreamAsync().ConfigureAwait(false));
        using var stop = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith("data: {\"caseId\":\"", StringComparison.Ordinal))
                {
                    arrived.TryAdd(line["data: {\"caseId\":\"".Length..^2], Stopwatch.GetTimestamp());
                }
            }
        });

        using var customer = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>(samples);
        for (var n = 0; n < samples; n++)
        {
            var token = await JsonAsync(customer, HttpMethod.Post, "directline/token", null, "{\"name\":\"Probe Customer\"}").ConfigureAwait(false);
            var bearer = token.GetProperty("token").GetString()!;
            var conversation = token.GetProperty("conversationId").GetString()!;
            await JsonAsync(customer, HttpMethod.Post, "v3/directline/conversations", bearer, null).ConfigureAwait(false);
            foreach (var text in new[] { "my parcel never arrived, order 48213", "talk to a person" })
            {
                await PostAsync(customer, conversation, bearer, text).ConfigureAwait(false);
            }

            var started = Stopwatch.GetTimestamp();
            await PostAsync(customer, conversation, bearer, "that's right").ConfigureAwait(false);
            string? caseId = null;
            while (caseId is null)
            {
                var queue = await agent.GetStringAsync("agent/api/cases").ConfigureAwait(false);
                using var cases = JsonDocument.Parse(queue);
                foreach (var c in cases.RootElement.EnumerateArray())
                {
                    var id = c.GetProperty("caseId").GetString()!;
                    if (c.GetProperty("customerName").GetString() == "Probe Customer" && !arrived.ContainsKey("done:" + id) && arrived.ContainsKey(id))
                    {
                        caseId = id;
                    }
                }

                if (caseId is null)
                {
                    await Task.Delay(1).ConfigureAwait(false);
                }
            }

            latencies.Add(Stopwatch.GetElapsedTime(started, Math.Max(arrived[caseId], Stopwatch.GetTimestamp())).TotalMilliseconds);
            arrived.TryAdd("done:" + caseId, 0);
            await Task.Delay(pause).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT handoff samples={latencies.Count} p50_ms={At(0.50):F1} p95_ms={At(0.95):F1} p99_ms={At(0.99):F1} max_ms={latencies[^1]:F1}"));
        return 0;
    }

    private static async Task PostAsync(HttpClient client, string conversation, string token, string text) =>
        await JsonAsync(client, HttpMethod.Post, $"v3/directline/conversations/{conversation}/activities", token, $"{{\"type\":\"message\",\"from\":{{\"id\":\"probe\"}},\"text\":{JsonSerializer.Serialize(text)}}}").ConfigureAwait(false);

    private static async Task<JsonElement> JsonAsync(HttpClient client, HttpMethod method, string path, string? bearer, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
        return document.RootElement.Clone();
    }
}
