using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary><c>deliveryMode: expectReplies</c>: the turn's replies come back in the 200 body as <c>{"activities":[...]}</c>.</summary>
public sealed class MessagesExpectRepliesTests
{
    [Fact]
    public async Task PostActivity_ExpectReplies_ReturnsGreetingByFirstNameInActivitiesBody()
    {
        await using var host = await BotHost.StartAsync();
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi");

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(["activities"], body.Select(p => p.Key));
        var greeting = Assert.Single(body["activities"]!.AsArray())!;
        Assert.Equal("message", greeting["type"]!.GetValue<string>());
        var text = greeting["text"]!.GetValue<string>();
        host.Wording.AssertIs(SupportPrompts.Welcome, text);
        Assert.Contains("Dana", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Reyes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_ExpectReplies_AddressesRepliesBackToSender()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var activity = TestActivities.Message(conversationId, "hi");
        activity["from"]!["aadObjectId"] = "5b7e2c1a-9d34-4f6e-8a21-3c0b9e7d4f12";
        activity["locale"] = "en-GB";

        using var response = await host.PostActivityAsync(activity);

        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.NotEmpty(replies);
        Assert.All(replies, reply =>
        {
            Assert.Equal(conversationId, reply!["conversation"]?["id"]?.GetValue<string>());
            Assert.Equal(activity["id"]!.GetValue<string>(), reply["replyToId"]?.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(activity["from"], reply["recipient"]), $"recipient should be the inbound from, was {reply["recipient"]?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(activity["recipient"], reply["from"]), $"from should be the inbound recipient, was {reply["from"]?.ToJsonString()}");
            Assert.Equal("en-GB", reply["locale"]?.GetValue<string>());
        });
    }

    [Fact]
    public async Task PostActivity_ExpectReplies_WritesCamelCaseWithoutNullsAndUtcTimestamps()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));

        // The complaint's answer carries suggested actions: nested objects and arrays to check too.
        using var response = await host.PostActivityAsync(TestActivities.Message(conversationId, "My parcel never arrived."));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var timestamps = 0;
        Walk(body, "$", ref timestamps);
        Assert.True(timestamps > 0, "Each reply should carry a timestamp.");
    }

    [Fact]
    public async Task PostActivity_ExpectRepliesWithServiceUrl_DoesNotCallConnector()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", connector.ServiceUrl);
        activity["deliveryMode"] = "expectReplies";

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.Single(replies);
        Assert.Empty(connector.Requests);
    }

    private static void Walk(JsonNode? node, string path, ref int timestamps)
    {
        Assert.True(node is not null, $"{path} is null; the wire omits nulls.");
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    Assert.True(name.Length > 0 && char.IsLower(name[0]), $"{path}.{name} is not camelCase.");
                    if (name is "timestamp" or "expiration")
                    {
                        var text = value!.GetValue<string>();
                        Assert.EndsWith("Z", text, StringComparison.Ordinal);
                        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Offset);
                        timestamps++;
                    }

                    Walk(value, $"{path}.{name}", ref timestamps);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", ref timestamps);
                }

                break;
            default:
                Assert.False(node.GetValueKind() == System.Text.Json.JsonValueKind.String && node.GetValue<string>().Length == 0, $"{path} is an empty string; the wire omits empties.");
                break;
        }
    }
}
