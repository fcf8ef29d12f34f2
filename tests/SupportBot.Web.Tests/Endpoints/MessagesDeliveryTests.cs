using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>
/// Normal delivery: replies go to the Bot Connector named by <c>serviceUrl</c>, and <c>POST /api/messages</c> answers
/// only once they were delivered (or a 502 when the connector keeps failing; the turn itself is kept).
/// </summary>
public sealed class MessagesDeliveryTests
{
    [Fact]
    public async Task PostActivity_NormalDelivery_PostsReplyToEscapedConnectorPathBeforeAnswering()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var unique = Guid.NewGuid().ToString("N");
        var conversationId = $"19:{unique}@thread.tacv2;messageid=1714642000123";
        var activityId = $"f:{unique}";
        var activity = TestActivities.Message(conversationId, "hi", serviceUrl: connector.ServiceUrl, id: activityId);

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.EndsWith("/", connector.ServiceUrl, StringComparison.Ordinal);

        // No waiting: the 200 must not come before the connector has the reply.
        var request = Assert.Single(connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/19%3A{unique}%40thread.tacv2%3Bmessageid%3D1714642000123/activities/f%3A{unique}", request.RawPath);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var reply = request.Body!.AsObject();
        Assert.Equal("message", reply["type"]!.GetValue<string>());
        host.Wording.AssertIs(SupportPrompts.Welcome, request.Text);
        Assert.Contains("Dana", request.Text, StringComparison.Ordinal);
        Assert.Equal(activityId, reply["replyToId"]!.GetValue<string>());
        Assert.Equal(conversationId, reply["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.UserId, reply["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.BotId, reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal("en-US", reply["locale"]!.GetValue<string>());
        Assert.Null(reply["serviceUrl"]);
        Assert.Null(reply["timestamp"]);
        Assert.Null(reply["id"]);
    }

    [Fact]
    public async Task PostActivity_NormalDeliveryOfTwoReplies_PostsBothInOrder()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        using var greeted = await host.PostActivityAsync(TestActivities.Message(conversationId, "hi", connector.ServiceUrl));
        var complaint = TestActivities.Message(conversationId, "My parcel never arrived.", connector.ServiceUrl);

        using var response = await host.PostActivityAsync(complaint);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = connector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests.Skip(1), r => Assert.Equal(complaint["id"]!.GetValue<string>(), r.Body!["replyToId"]!.GetValue<string>()));
        AssertEmpathy(host, requests[1].Text);
        host.Wording.AssertIsAny("questions.", requests[2].Text);
    }

    [Theory]
    [InlineData(201, null)]
    [InlineData(202, "")]
    [InlineData(204, "")]
    [InlineData(200, "")]
    [InlineData(200, "{\"id\":42}")]
    [InlineData(200, "OK")]
    public async Task PostActivity_ConnectorAcceptsWithoutResourceId_DeliversEveryReply(int status, string? body)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        using var greeted = await host.PostActivityAsync(TestActivities.Message(conversationId, "hi", connector.ServiceUrl));
        connector.RespondNext(2, status, body);

        using var response = await host.PostActivityAsync(TestActivities.Message(conversationId, "My parcel never arrived.", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, connector.Requests.Count);
        host.Wording.AssertIsAny("questions.", connector.Requests[2].Text);
    }

    [Fact]
    public async Task PostActivity_ConnectorFailsOnceWith503_RetriesAndDeliversOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        connector.RespondNext(1, StatusCodes.Status503ServiceUnavailable);
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", connector.ServiceUrl);

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = connector.Requests;
        Assert.Equal([503, 200], requests.Select(r => r.AnsweredStatus));
        Assert.Equal(requests[0].RawPath, requests[1].RawPath);
        Assert.Equal(requests[0].RawBody, requests[1].RawBody);
        var delivered = Assert.Single(requests, r => r.Delivered);
        host.Wording.AssertIs(SupportPrompts.Welcome, delivered.Text);
    }

    [Fact]
    public async Task PostActivity_ConnectorKeepsFailing_Returns502ProblemAfterRetries()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Connector:Retries"] = "2" });
        connector.RespondNext(100, StatusCodes.Status503ServiceUnavailable);
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", connector.ServiceUrl);

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(502, problem["status"]!.GetValue<int>());
        Assert.Equal(3, connector.Requests.Count);
        Assert.DoesNotContain(connector.Requests, r => r.Delivered);
    }

    [Fact]
    public async Task PostActivity_ConnectorUnreachable_Returns502Problem()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Connector:Retries"] = "1" });
        var activity = TestActivities.Message(TestActivities.NewConversationId(), "hi", $"http://127.0.0.1:{ClosedPort()}/");

        using var response = await host.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostActivity_ConnectorKeepsFailing_TurnIsSavedAndNextTurnContinues()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Connector:Retries"] = "1" });
        connector.RespondNext(2, StatusCodes.Status503ServiceUnavailable);
        var conversationId = TestActivities.NewConversationId();
        using var failed = await host.PostActivityAsync(TestActivities.Message(conversationId, "hi", connector.ServiceUrl));

        using var response = await host.PostActivityAsync(TestActivities.Message(conversationId, "My parcel never arrived.", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = connector.Requests.Where(r => r.Delivered).ToList();
        Assert.Equal(2, delivered.Count);
        AssertEmpathy(host, delivered[0].Text);
        host.Wording.AssertIsAny("questions.", delivered[1].Text);
    }

    [Fact]
    public async Task PostActivity_RedeliveredAfter502_DeliversTheRepliesThatFailed()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Connector:Retries"] = "0" });
        connector.RespondNext(1, StatusCodes.Status503ServiceUnavailable);
        var hi = TestActivities.Message(TestActivities.NewConversationId(), "hi", connector.ServiceUrl);
        using var failed = await host.PostActivityAsync(hi);

        using var redelivered = await host.PostActivityAsync(hi);

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var delivered = Assert.Single(connector.Requests, r => r.Delivered);
        host.Wording.AssertIs(SupportPrompts.Welcome, delivered.Text);
    }

    private static void AssertEmpathy(BotHost host, string? text) => host.Wording.AssertIsAny("empathy.", text);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
