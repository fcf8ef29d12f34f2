using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>
/// A seeded generator of valid JSON that is a wrong activity, over real HTTP to <c>/api/messages</c>: every node of
/// realistic activities (a message, a Teams message with a mention, members added, a contact center's
/// <c>handoff.status</c>) replaced by a value of another type, removed, or filled with lone surrogates and extreme
/// numbers. A client's mistake gets a 4xx with a reason; no request may get a 5xx or hang.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private const int Requests = 1200;
    private const string LoneSurrogate = "LONE-SURROGATE";

    [Fact]
    public async Task MutatedActivities_NeverGet5xx_AndEveryRefusalSaysWhy()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Handoff:ContactCenterChannels:0"] = "genesys",
            ["RateLimits:PerConversationPer10Seconds"] = "100000",
            ["RateLimits:PerAddressPerMinute"] = "1000000",
        });
        var random = new Random(int.TryParse(Environment.GetEnvironmentVariable("SUPPORTBOT_HOSTILE_SEED"), out var seed) ? seed : 20261130);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            var seeds = Seeds(i);
            var activity = seeds[random.Next(seeds.Count)];
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(activity, random);
            }

            var body = activity.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal); // JsonNode would write U+FFFD
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await host.Client.PostAsync("api/messages", content, timeout.Token);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status >= 500)
            {
                failures.Add($"{status} for {body}\n  -> {answer}");
            }
            else if (status >= 400 && !answer.Contains("detail", StringComparison.Ordinal))
            {
                failures.Add($"{status} without a reason for {body}");
            }
        }

        output.WriteLine($"{Requests} mutated activities: " + string.Join(", ", statuses.Select(s => $"{s.Value} x {s.Key}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests}:\n" + string.Join("\n", failures.Take(15)));
        Assert.True(statuses.Keys.Any(s => s < 300) && statuses.Keys.Any(s => s is >= 400 and < 500), "the generator should produce both accepted and refused activities");
    }

    [Fact]
    public async Task MutatedActivities_OverDirectLine_NeverGet5xx()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["RateLimits:PerConversationPer10Seconds"] = "100000",
            ["RateLimits:PerAddressPerMinute"] = "1000000",
        });
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        await client.StartAsync(token);
        var random = new Random(20261201);
        var failures = new List<string>();

        for (var i = 0; i < Requests / 4; i++)
        {
            var activity = Teams(conversationId, i);
            for (var m = 1 + random.Next(3); m > 0; m--)
            {
                Mutate(activity, random);
            }

            var body = activity.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await host.Client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {body}\n  -> {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Requests / 4}:\n" + string.Join("\n", failures.Take(15)));
    }

    [Theory]
    [InlineData("""{"type":"message","id":"s1","channelId":"test","conversation":{"id":"CONV"},"from":{"id":"u"},"text":"hi","channelData":"\ud800","deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"message","id":"s2","channelId":"test","conversation":{"id":"CONV"},"from":{"id":"u","name":"\udc00Dana"},"text":"hi","deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"conversationUpdate","id":"s3","channelId":"test","conversation":{"id":"CONV"},"from":{"id":"u"},"recipient":{"id":"b"},"membersAdded":[null],"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"message","id":"s4","channelId":"msteams","conversation":{"id":"CONV"},"from":{"id":"u"},"recipient":{"id":"b"},"text":"<at>Bot</at> hi","entities":[{"type":"mention","mentioned":"b","text":"<at>Bot</at>"}],"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"message","id":"s5","channelId":"msteams","conversation":{"id":"CONV"},"from":{"id":"u"},"recipient":{"id":"b"},"text":"<at>Bot</at> hi","entities":[{"type":"mention","mentioned":{"id":7},"text":["x"]}],"deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"event","name":"handoff.status","id":"s6","channelId":"genesys","conversation":{"id":"CONV"},"from":{"id":"cc"},"value":"completed","deliveryMode":"expectReplies"}""")]
    [InlineData("""{"type":"event","name":"handoff.status","id":"s7","channelId":"genesys","conversation":{"id":"CONV"},"from":{"id":"cc"},"value":{"state":7,"agent":{"name":1}},"deliveryMode":"expectReplies"}""")]
    public async Task KnownBadActivities_Get4xxWithAReason_AndWriteNothing(string body)
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Handoff:ContactCenterChannels:0"] = "genesys" });
        var conversationId = TestActivities.NewConversationId();
        var channelId = JsonNode.Parse(body)!["channelId"]!.GetValue<string>();

        using var response = await host.PostRawAsync(body.Replace("CONV", conversationId, StringComparison.Ordinal), "application/json");
        var answer = await response.Content.ReadAsStringAsync();

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("detail", answer, StringComparison.Ordinal);
        Assert.Empty(await host.GetTranscriptAsync(channelId, conversationId));
    }

    private static List<JsonObject> Seeds(int i)
    {
        var conversation = $"hostile-{i % 40}";
        return
        [
            TestActivities.Message(conversation, "my parcel never arrived, order 48213", id: $"m-{i}"),
            Teams(conversation, i),
            new JsonObject
            {
                ["type"] = "conversationUpdate", ["id"] = $"cu-{i}", ["channelId"] = TestActivities.ChannelId, ["deliveryMode"] = "expectReplies",
                ["from"] = new JsonObject { ["id"] = TestActivities.UserId }, ["recipient"] = new JsonObject { ["id"] = TestActivities.BotId },
                ["conversation"] = new JsonObject { ["id"] = conversation + "-cu" },
                ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TestActivities.UserId, ["name"] = "Dana" }, new JsonObject { ["id"] = TestActivities.BotId }),
            },
            new JsonObject
            {
                ["type"] = "event", ["name"] = "handoff.status", ["id"] = $"hs-{i}", ["channelId"] = "genesys", ["deliveryMode"] = "expectReplies",
                ["from"] = new JsonObject { ["id"] = "contact-center" }, ["recipient"] = new JsonObject { ["id"] = TestActivities.BotId },
                ["conversation"] = new JsonObject { ["id"] = conversation },
                ["value"] = new JsonObject { ["state"] = "accepted", ["agent"] = "Jordan", ["message"] = "Jordan is with you" },
            },
        ];
    }

    private static JsonObject Teams(string conversation, int i)
    {
        var activity = TestActivities.Message(conversation + "-teams", "<at>SupportBot</at> my laptop won't start", id: $"t-{i}");
        activity["channelId"] = "msteams";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = TestActivities.BotId, ["name"] = TestActivities.BotName },
            ["text"] = "<at>SupportBot</at>",
        });
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
        return activity;
    }

    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create(0),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(1e308),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(true),
        _ => JsonValue.Create(string.Empty),
        _ => JsonValue.Create(LoneSurrogate),
        _ => JsonValue.Create("x" + LoneSurrogate + "y"),
        r => JsonValue.Create(new string('x', 1 + r.Next(5000))),
        _ => new JsonObject(),
        _ => new JsonArray(),
        _ => new JsonArray((JsonNode?)null),
        _ => new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
        _ => new JsonObject { ["id"] = 5, ["name"] = new JsonArray() },
        _ => JsonValue.Create("9999-99-99T99:99:99Z"),
    ];

    /// <summary>Replaces, removes or adds one node somewhere in the activity.</summary>
    private static void Mutate(JsonNode root, Random random)
    {
        var nodes = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return;
        }

        var (parent, key, index) = nodes[random.Next(nodes.Count)];
        var action = random.Next(10);
        var value = Replacements[random.Next(Replacements.Length)](random);
        if (parent is JsonObject obj && key is not null)
        {
            if (action == 0)
            {
                obj.Remove(key);
            }
            else if (action == 1)
            {
                obj["extra" + random.Next(3)] = value;
            }
            else
            {
                obj[key] = value;
            }
        }
        else if (parent is JsonArray array)
        {
            array[index] = value;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> into)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                into.Add((obj, name, -1));
                if (child is not null)
                {
                    Collect(child, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                into.Add((array, null, i));
                if (array[i] is { } child)
                {
                    Collect(child, into);
                }
            }
        }
    }
}
