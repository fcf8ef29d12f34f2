using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>What a channel sends is kept as sent: unknown members, channelData and entities survive into the transcript.</summary>
public sealed class MessagesRoundTripTests
{
    /// <summary>
    /// The Teams personal-chat message of activity-protocol.md §8, plus members no schema knows. Its
    /// <c>localTimestamp</c> has its own test below.
    /// </summary>
    private const string TeamsPersonalChat = """
        {
          "type": "message",
          "id": "1714641243417",
          "timestamp": "2024-05-02T09:14:03.417Z",
          "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": {
            "id": "29:1qTz8hPq0R7m5bKx3vYc9dWf2gLs6nJ4aE0uH",
            "name": "Dana Reyes",
            "aadObjectId": "5b7e2c1a-9d34-4f6e-8a21-3c0b9e7d4f12",
            "userRole": "user"
          },
          "conversation": {
            "conversationType": "personal",
            "tenantId": "0e4f9a3b-2c7d-41e8-b6a5-9f8e7d6c5b4a",
            "id": "set per test",
            "futureConversationFlag": { "pinned": true }
          },
          "recipient": { "id": "28:3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a", "name": "SupportBot" },
          "textFormat": "plain",
          "text": "my refund STILL hasn't arrived, three weeks!!",
          "locale": "en-US",
          "entities": [
            { "type": "clientInfo", "locale": "en-US", "country": "DE", "platform": "Windows", "timezone": "Europe/Berlin" },
            { "type": "https://schema.org/Message", "@context": "https://schema.org", "keywords": ["refund", 3, null, false] }
          ],
          "channelData": {
            "tenant": { "id": "0e4f9a3b-2c7d-41e8-b6a5-9f8e7d6c5b4a" },
            "notification": { "alert": false },
            "legacy": [1, 2.5, "three", null, { "deep": { "deeper": [] } }]
          },
          "deliveryMode": "expectReplies",
          "futureMember": { "nested": [1, "two", null, true], "empty": {} },
          "x-vendor-trace": "abc;123",
          "semanticAction": { "id": "order", "entities": {}, "state": "start" }
        }
        """;

    [Fact]
    public async Task PostActivity_UnknownMembersChannelDataAndEntities_StoredUnchanged()
    {
        await using var host = await BotHost.StartAsync();
        var sent = JsonNode.Parse(TeamsPersonalChat)!.AsObject();
        var conversationId = $"a:{Guid.NewGuid():N}";
        sent["conversation"]!["id"] = conversationId;

        using var response = await host.PostActivityAsync(sent);

        response.EnsureSuccessStatusCode();
        var transcript = await host.GetTranscriptAsync("msteams", conversationId);
        var stored = JsonSerializer.SerializeToNode(transcript[0], ActivityJson.Default.Activity)!.AsObject();
        foreach (var member in new[] { "futureMember", "x-vendor-trace", "semanticAction", "channelData", "entities", "from", "conversation", "recipient" })
        {
            Assert.True(JsonNode.DeepEquals(sent[member], stored[member]), $"'{member}' changed: sent {sent[member]?.ToJsonString()}, stored {stored[member]?.ToJsonString()}");
        }

        // Everything else too, with the timestamp compared as an instant (its digits may be normalized).
        Assert.Equal(DateTimeOffset.Parse("2024-05-02T09:14:03.417Z", System.Globalization.CultureInfo.InvariantCulture), transcript[0].Timestamp);
        sent.Remove("timestamp");
        stored.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(sent, stored), $"The stored activity differs from the one sent:\n{stored.ToJsonString()}");
    }

    [Fact]
    public async Task PostActivity_LocalTimestampWithOffset_StoredWithItsOffset()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        var sent = TestActivities.Message(conversationId, "hi");
        sent["localTimestamp"] = "2024-05-02T11:14:03.417+02:00";

        using var response = await host.PostActivityAsync(sent);

        response.EnsureSuccessStatusCode();
        var stored = (await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId))[0];
        Assert.Equal(TimeSpan.FromHours(2), stored.LocalTimestamp?.Offset);
        var json = JsonSerializer.SerializeToNode(stored, ActivityJson.Default.Activity)!;
        Assert.EndsWith("+02:00", json["localTimestamp"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
