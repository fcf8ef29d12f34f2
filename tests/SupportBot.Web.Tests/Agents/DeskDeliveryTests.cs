using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>
/// A colleague's action when the customer's channel cannot be reached (its Bot Connector on 127.0.0.1 refuses
/// connections, or answers 500): the action stands and answers 202, the console shows the message to the customer
/// as pending, and once the channel is back the outbox delivers it, once; with the channel down for good, the console
/// shows it failed, and it can be sent again.
/// </summary>
public sealed class DeskDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Accept_WhileTheChannelRefusesConnections_Answers202AndIsPending_ThenDeliveredOnceItIsBack()
    {
        var connector = await FakeConnector.StartAsync();
        var port = connector.BaseAddress.Port;
        await using var host = await BotHost.StartAsync(settings: Settings(attempts: 8));
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var caseId = await HandOverAsync(host, connector.ServiceUrl);
        await connector.DisposeAsync(); // the customer's channel is down: connections are refused

        var (accepted, taken) = await alex.PostAsync($"cases/{caseId}/accept");
        var pending = await RowAsync(alex, caseId);
        var detail = await alex.CaseAsync(caseId);
        await using var back = await FakeConnector.StartAsync(port);
        var delivered = await WaitForAsync(alex, caseId, row => row?["delivery"] is null);
        var told = await back.WaitForRequestsAsync(1);

        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal("alex", taken!["agentLogin"]!.GetValue<string>()); // the case is taken all the same
        Assert.Equal("pending", pending!["delivery"]!.GetValue<string>());
        var undelivered = Assert.Single(detail["deliveries"]!.AsArray())!;
        Assert.Equal((DeskEvents.AgentJoined, "pending"), (undelivered["event"]!.GetValue<string>(), undelivered["status"]!.GetValue<string>()));
        Assert.NotNull(undelivered["lastError"]);
        Assert.Equal("with-agent", delivered!["status"]!.GetValue<string>());
        var joined = Assert.Single(told, r => r.Text is { } text && host.Wording.Matches(HandoffPrompts.AgentJoined, text));
        Assert.StartsWith("Alex Morgan", joined.Text!, StringComparison.Ordinal);
        Assert.Equal("delivered", Assert.Single((await alex.CaseAsync(caseId))["deliveries"]!.AsArray())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Approve_WhileTheChannelAnswers500_ClosesTheCaseAnd202_StaysListedPending_ThenDeliveredOnceAndLeavesTheQueue()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: Settings(attempts: 8));
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var caseId = await HandOverAsync(host, connector.ServiceUrl);
        var before = connector.Requests.Count;
        connector.RespondNext(3, 500);

        var (decided, body) = await alex.PostAsync($"cases/{caseId}/decision", new { decision = "approved", note = "It ships today." });
        var pending = await RowAsync(alex, caseId);
        var gone = await WaitForAsync(alex, caseId, row => row is null);

        Assert.Equal(HttpStatusCode.Accepted, decided);
        Assert.Equal(("pending", DeskEvents.Decision), (body!["status"]!.GetValue<string>(), body["event"]!.GetValue<string>()));
        Assert.Equal(("closed", "pending"), (pending!["status"]!.GetValue<string>(), pending["delivery"]!.GetValue<string>()));
        Assert.Null(gone);
        var sent = connector.Requests.Skip(before).ToList();
        Assert.Equal(3, sent.Count(r => !r.Delivered));
        Assert.Single(sent, r => r.Delivered && r.Text is { } text && host.Wording.Matches(HandoffPrompts.Approved, text));
    }

    [Fact]
    public async Task Accept_WhileTheChannelIsDownForGood_ShowsTheDeliveryFailed_AndItCanBeSentAgainOnceTheChannelIsBack()
    {
        var connector = await FakeConnector.StartAsync();
        var port = connector.BaseAddress.Port;
        await using var host = await BotHost.StartAsync(settings: Settings(attempts: 3));
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var caseId = await HandOverAsync(host, connector.ServiceUrl);
        await connector.DisposeAsync();

        var (accepted, _) = await alex.PostAsync($"cases/{caseId}/accept");
        var failed = await WaitForAsync(alex, caseId, row => row?["delivery"]?.GetValue<string>() == "failed");
        var delivery = Assert.Single((await alex.CaseAsync(caseId))["deliveries"]!.AsArray())!;
        await using var back = await FakeConnector.StartAsync(port);
        var (sentAgain, _) = await alex.PostAsync($"cases/{caseId}/deliveries/{delivery["deliveryId"]!.GetValue<string>()}/send");
        var told = await back.WaitForRequestsAsync(1);

        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal("with-agent", failed!["status"]!.GetValue<string>());
        Assert.Equal(("failed", 3), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NoContent, sentAgain);
        Assert.Single(told, r => r.Text is { } text && host.Wording.Matches(HandoffPrompts.AgentJoined, text));
        Assert.Null((await RowAsync(alex, caseId))!["delivery"]);
    }

    /// <summary>Quick retries, and one request per attempt (no retries inside the connector client).</summary>
    private static Dictionary<string, string> Settings(int attempts)
    {
        var settings = AgentClient.Accounts();
        settings["Connector:Retries"] = "0";
        settings["Connector:AttemptTimeoutSeconds"] = "5";
        settings["Handoff:DeliveryAttempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Handoff:DeliveryRetrySeconds"] = "0.2";
        settings["Fulfilment:CheckSeconds"] = "0.2";
        return settings;
    }

    /// <summary>A customer whose channel's Bot Connector is at <paramref name="serviceUrl"/> hands their case over; returns its id.</summary>
    private static async Task<string> HandOverAsync(BotHost host, string serviceUrl)
    {
        var conversationId = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "my order is late, talk to a person", "that's right" })
        {
            using var delivered = await host.PostActivityAsync(TestActivities.Message(conversationId, text, serviceUrl));
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        var desk = host.App.Services.GetRequiredService<HandoffDesk>();
        return (await desk.OpenCasesAsync(CancellationToken.None)).Single(c => c.Reference.Conversation!.Id == conversationId).CaseId;
    }

    /// <summary>The case's row in the console's queue, or null when it is not listed.</summary>
    private static async Task<JsonNode?> RowAsync(AgentClient agent, string caseId) =>
        (await agent.CasesAsync()).SingleOrDefault(c => c!["caseId"]!.GetValue<string>() == caseId);

    /// <summary>Polls the console's queue until the case's row meets <paramref name="done"/>; fails after a while rather than hang.</summary>
    private static async Task<JsonNode?> WaitForAsync(AgentClient agent, string caseId, Func<JsonNode?, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var row = await RowAsync(agent, caseId);
            if (done(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < until, $"The console still shows {row?.ToJsonString() ?? "no row"} for case {caseId}.");
            await Task.Delay(100);
        }
    }
}
