using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;

namespace SupportBot.Core.Tests.Activities;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1714641243417",
          "timestamp": "2024-05-02T09:14:03.4417261Z",
          "localTimestamp": "2024-05-02T11:14:03.417+02:00",
          "localTimezone": "Europe/Berlin",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1qTz8hPq0R7m5bKx3vYc9dWf2gLs6nJ4aE0uH", "name": "Dana Reyes", "aadObjectId": "5b7e2c1a-9d34-4f6e-8a21-3c0b9e7d4f12", "userRole": "user" },
          "conversation": { "conversationType": "personal", "tenantId": "0e4f9a3b", "id": "a:1Xk3p9QmZr7Tn2Lw5Yb8Cv0Hd4Fs6Gj1Ke3Ma5Nb7Pc" },
          "recipient": { "id": "28:3f1c9e2a-7b4d-4c8e-9a6f-2d1b0c9e8f7a", "name": "SupportBot" },
          "textFormat": "plain",
          "text": "my refund STILL hasn't arrived, three weeks!!",
          "locale": "en-US",
          "entities": [ { "type": "clientInfo", "locale": "en-US", "country": "DE", "platform": "Windows", "timezone": "Europe/Berlin" } ],
          "channelData": { "tenant": { "id": "0e4f9a3b" }, "nested": [1, 2.50, null, {"deep": true}] },
          "someFutureField": { "kept": ["as", "is"] }
        }
        """;

    [Fact]
    public void Activity_RoundTrip_KeepsUnknownFieldsChannelDataAndEntities()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ActivityJson.Default.Activity)!;

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, ActivityJson.Default.Activity))!;

        var original = JsonNode.Parse(TeamsMessage)!;
        Assert.True(JsonNode.DeepEquals(original["channelData"], json["channelData"]));
        Assert.True(JsonNode.DeepEquals(original["entities"], json["entities"]));
        Assert.True(JsonNode.DeepEquals(original["someFutureField"], json["someFutureField"]));
        Assert.Equal("user", json["from"]!["userRole"]!.GetValue<string>());
        Assert.Equal("personal", json["conversation"]!["conversationType"]!.GetValue<string>());
    }

    [Fact]
    public void Activity_AnyCasingIn_CamelCaseOutWithoutNulls()
    {
        var activity = JsonSerializer.Deserialize("""{"Type":"message","CONVERSATION":{"ID":"c"},"Text":"hi"}""", ActivityJson.Default.Activity)!;

        var json = JsonSerializer.Serialize(activity, ActivityJson.Default.Activity);

        Assert.Equal("message", activity.Type);
        Assert.Equal("c", activity.Conversation!.Id);
        Assert.Equal("""{"type":"message","conversation":{"id":"c"},"text":"hi"}""", json);
    }

    [Fact]
    public void Activity_Timestamps_ParseAnyOffsetAndWriteUtcWithZ()
    {
        var activity = JsonSerializer.Deserialize("""{"type":"message","timestamp":"2024-05-02T11:14:03.417+02:00"}""", ActivityJson.Default.Activity)!;

        var json = JsonNode.Parse(JsonSerializer.Serialize(activity, ActivityJson.Default.Activity))!;

        Assert.Equal("2024-05-02T09:14:03.4170000Z", json["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public void AddressReply_FollowsProtocol()
    {
        var inbound = JsonSerializer.Deserialize(TeamsMessage, ActivityJson.Default.Activity)!;

        var reply = inbound.AddressReply(Activity.CreateMessage("Dana, let me check."));

        Assert.Equal(inbound.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal(inbound.Recipient, reply.From);
        Assert.Equal(inbound.From, reply.Recipient);
        Assert.Equal("1714641243417", reply.ReplyToId);
        Assert.Equal("en-US", reply.Locale);
        Assert.Null(reply.Id);
    }

    [Theory]
    [InlineData("""{"channelId":"t","conversation":{"id":"c"},"from":{"id":"u"},"deliveryMode":"expectReplies"}""", "type")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"from":{"id":"u"},"deliveryMode":"expectReplies"}""", "channelId")]
    [InlineData("""{"type":"message","channelId":"t","from":{"id":"u"},"deliveryMode":"expectReplies"}""", "conversation.id")]
    [InlineData("""{"type":"message","channelId":"t","conversation":{"id":"c"},"deliveryMode":"expectReplies"}""", "from.id")]
    [InlineData("""{"type":"message","channelId":"t","conversation":{"id":"c"},"from":{"id":"u"}}""", "serviceUrl")]
    [InlineData("""{"type":"message","channelId":"t","conversation":{"id":"c"},"from":{"id":"u"},"serviceUrl":"ftp://x/"}""", "serviceUrl")]
    [InlineData("""{"type":"message","channelId":"t","conversation":{"id":"c"},"from":{"id":"u"},"deliveryMode":"expectReplies","text":"0123456789X"}""", "text")]
    public void ActivityValidator_MissingOrBadField_NamesIt(string json, string field)
    {
        var activity = JsonSerializer.Deserialize(json, ActivityJson.Default.Activity);

        var fault = ActivityValidator.Validate(activity, maxTextLength: 10);

        Assert.Equal(field, fault?.Field);
    }

    [Fact]
    public void ActivityValidator_CompleteActivity_Passes()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ActivityJson.Default.Activity);

        Assert.Null(ActivityValidator.Validate(activity, maxTextLength: 10_000));
    }
}
