using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Fulfilment;

/// <summary>
/// A granted refund against a business system on 127.0.0.1: the signed request it gets, byte for byte; "done" said
/// only on its 2xx answer within the turn; honest words otherwise; retries with back-off and Retry-After, always with
/// the same idempotency key; a colleague after the last attempt; and the customer told in the same conversation when
/// the action completes later.
/// </summary>
public sealed class FulfilmentWebhookTests
{
    [Fact]
    public async Task Refund_BusinessSystemAnswers200_OneSignedDelivery_ThenDoneWithItsReference()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(new FakeBusinessSystem.Answer(200, "{\"reference\":\"RF-20931\",\"trackingUrl\":\"https://pay.example.com/r/20931\"}"));
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: RefundConversation.Settings(business));
        var conversationId = TestActivities.NewConversationId();

        var replies = await RefundConversation.AskAsync(host.Client, connector, conversationId);

        var request = Assert.Single(business.Requests);
        Assert.Equal("/refunds", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(RefundConversation.Signature(request.Body), request.Header("X-SupportBot-Signature"));
        var body = request.Json.AsObject();
        Assert.Equal(["deliveryId", "idempotencyKey", "caseId", "remedy", "amount", "customer", "details", "conversationReference", "requestedAt"], body.Select(p => p.Key));
        Assert.Equal(request.Header("X-SupportBot-Delivery"), body["deliveryId"]!.GetValue<string>());
        Assert.StartsWith("dlv_", body["deliveryId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(request.Header("Idempotency-Key"), body["idempotencyKey"]!.GetValue<string>());
        Assert.StartsWith("case-", body["caseId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("{\"id\":\"refund\",\"title\":\"a full refund\"}", body["remedy"]!.ToJsonString());
        Assert.Equal(42.50m, body["amount"]!["value"]!.GetValue<decimal>());
        Assert.Equal("USD", body["amount"]!["currency"]!.GetValue<string>());
        Assert.Equal($"{{\"name\":\"{TestActivities.UserName}\",\"channel\":\"{TestActivities.ChannelId}\",\"userId\":\"{TestActivities.UserId}\"}}", body["customer"]!.ToJsonString());
        Assert.Equal("last Tuesday", body["details"]!["when"]!.GetValue<string>());
        Assert.Contains("42.50", body["details"]!["amount"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(conversationId, body["conversationReference"]!["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(connector.ServiceUrl, body["conversationReference"]!["serviceUrl"]!.GetValue<string>());
        Assert.Equal(TestActivities.UserId, body["conversationReference"]!["user"]!["id"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(body["requestedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        RefundConversation.AssertDoneThenClose($"{RefundConversation.Done} Your reference is RF-20931. You can follow it here: https://pay.example.com/r/20931", replies);
        Assert.Equal(1, business.Performed);
    }

    [Fact]
    public async Task Refund_BusinessSystemDown_NotDoneButWhoAndWhen_RetriedHonouringRetryAfter_ThenToldDone()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(new FakeBusinessSystem.Answer(503, "{\"error\":\"maintenance\"}"), new FakeBusinessSystem.Answer(429, RetryAfter: "2"), new FakeBusinessSystem.Answer(200, "{\"reference\":\"RF-7\"}"));
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: RefundConversation.Settings(business));
        var conversationId = TestActivities.NewConversationId();

        var replies = await RefundConversation.AskAsync(host.Client, connector, conversationId);
        var requests = await business.WaitForRequestsAsync(3);
        var later = await RefundConversation.WaitForMessageAsync(connector, "Your refund of $42.50");

        RefundConversation.AssertSaid(RefundConversation.Asked, Assert.Single(replies));
        Assert.Equal([503, 429, 200], requests.Select(r => r.AnsweredStatus));
        Assert.True(requests[2].At - requests[1].At >= TimeSpan.FromSeconds(1.9), $"The retry came {(requests[2].At - requests[1].At).TotalSeconds:0.00} s after a Retry-After of 2 s.");
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.All(requests, r => Assert.Equal(RefundConversation.Signature(r.Body), r.Header("X-SupportBot-Signature")));
        Assert.Single(requests.Select(r => r.Header("X-SupportBot-Delivery")).Distinct());
        Assert.Single(requests.Select(r => r.Header("Idempotency-Key")).Distinct());
        RefundConversation.AssertDoneThenClose($"{RefundConversation.Done} Your reference is RF-7.", later);
        Assert.Equal(1, business.Performed);
    }

    [Fact]
    public async Task Refund_WebhookNeverAnswersInTime_WhoAndWhen_ThenAColleagueHasIt_AndTheirDoneIsToldWithTheirName()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(FakeBusinessSystem.Answer.Hang(), FakeBusinessSystem.Answer.Hang());
        await using var connector = await FakeConnector.StartAsync();
        var settings = RefundConversation.Settings(business, timeoutSeconds: 1);
        settings["Fulfilment:Attempts"] = "2";
        await using var host = await BotHost.StartAsync(settings: settings);
        var conversationId = TestActivities.NewConversationId();
        using var alex = await AgentClient.SignInAsync(host, "alex");

        var replies = await RefundConversation.AskAsync(host.Client, connector, conversationId);
        var failed = await RefundConversation.WaitForMessageAsync(connector, "I'm sorry this is taking longer");
        var tasks = (await alex.GetAsync("actions")).AsArray();
        var task = tasks.Single(t => t!["reference"]!["conversation"]!["id"]!.GetValue<string>() == conversationId)!;
        var (status, _) = await alex.PostAsync($"actions/{task["deliveryId"]!.GetValue<string>()}/done", new { reference = "MAN-114" });
        var done = await RefundConversation.WaitForMessageAsync(connector, "Your refund of $42.50");

        RefundConversation.AssertSaid(RefundConversation.Asked, Assert.Single(replies));
        RefundConversation.AssertSaid("I'm sorry this is taking longer than it should, Dana: our system couldn't complete your request for a full refund, so I've passed it to a colleague to do by hand, with everything you've told me. I'll tell you here as soon as it's done.", Assert.Single(failed));
        Assert.Equal("colleague", task["status"]!.GetValue<string>());
        Assert.True(task["deliveryFailed"]!.GetValue<bool>());
        Assert.Contains("did not take it in 2 attempts", task["colleagueReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(task["history"]!.AsArray(), a => Assert.StartsWith("timed out", a!["outcome"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, status);
        RefundConversation.AssertDoneThenClose($"{RefundConversation.Done} Your reference is MAN-114. Alex Morgan from our team took care of it.", done);
        Assert.Equal(0, business.Performed);
    }

    [Fact]
    public async Task Refund_BusinessSystemRefuses_AColleagueHasIt_AndARetryFromTheConsoleSendsItAgainWithTheSameKey()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(new FakeBusinessSystem.Answer(422, "{\"error\":\"card expired\"}"));
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: RefundConversation.Settings(business));
        var conversationId = TestActivities.NewConversationId();
        using var alex = await AgentClient.SignInAsync(host, "alex");

        var replies = await RefundConversation.AskAsync(host.Client, connector, conversationId);
        var deliveryId = business.Requests[0].Header("X-SupportBot-Delivery");
        var refused = await alex.GetAsync($"actions/{deliveryId}");
        var (status, _) = await alex.PostAsync($"actions/{deliveryId}/retry");
        var done = await RefundConversation.WaitForMessageAsync(connector, "Your refund of $42.50");

        RefundConversation.AssertSaid(RefundConversation.Asked, Assert.Single(replies));
        Assert.Equal("colleague", refused["status"]!.GetValue<string>());
        Assert.Equal(422, refused["history"]![0]!["statusCode"]!.GetValue<int>());
        Assert.Equal("{\"error\":\"card expired\"}", refused["history"]![0]!["body"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, business.Requests.Count);
        Assert.Equal(business.Requests[0].Body, business.Requests[1].Body);
        RefundConversation.AssertSaid($"{RefundConversation.Done} Your reference is RF-2.", done[0]);
        Assert.Equal(1, business.Performed);
    }

    [Fact]
    public async Task Callback_SignedDone_CompletesAnAcceptedAction_AndTheCustomerIsToldOnce()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(new FakeBusinessSystem.Answer(202, "{\"reference\":\"RF-55\"}"));
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: RefundConversation.Settings(business));
        var conversationId = TestActivities.NewConversationId();

        var replies = await RefundConversation.AskAsync(host.Client, connector, conversationId);
        var deliveryId = business.Requests[0].Header("X-SupportBot-Delivery");
        var callback = Encoding.UTF8.GetBytes("{\"status\":\"done\",\"trackingUrl\":\"https://pay.example.com/t/55\"}");
        using var first = await CallBackAsync(host, deliveryId, callback, RefundConversation.Signature(callback));
        var done = await RefundConversation.WaitForMessageAsync(connector, "Your refund of $42.50");
        var told = connector.Requests.Count;
        using var again = await CallBackAsync(host, deliveryId, callback, RefundConversation.Signature(callback));
        await Task.Delay(1000);

        RefundConversation.AssertSaid(RefundConversation.Asked, Assert.Single(replies));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        RefundConversation.AssertDoneThenClose($"{RefundConversation.Done} Your reference is RF-55. You can follow it here: https://pay.example.com/t/55", done);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(told, connector.Requests.Count);
        Assert.Single(business.Requests);
    }

    [Fact]
    public async Task Callback_ForgedOrTampered_Refused_AndNothingChanges()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(new FakeBusinessSystem.Answer(202));
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: RefundConversation.Settings(business));
        var conversationId = TestActivities.NewConversationId();
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await RefundConversation.AskAsync(host.Client, connector, conversationId);
        var deliveryId = business.Requests[0].Header("X-SupportBot-Delivery");
        var told = connector.Requests.Count;
        var done = Encoding.UTF8.GetBytes("{\"status\":\"done\",\"reference\":\"FAKE-1\"}");

        using var wrongSecret = await CallBackAsync(host, deliveryId, done, RefundConversation.Signature(done, "not-the-webhooks-secret"));
        using var unsigned = await CallBackAsync(host, deliveryId, done, signature: null);
        using var tampered = await CallBackAsync(host, deliveryId, Encoding.UTF8.GetBytes("{\"status\":\"done\",\"reference\":\"FAKE-2\"}"), RefundConversation.Signature(done));
        using var unknown = await CallBackAsync(host, "dlv_00000000000000000000000000000000", done, RefundConversation.Signature(done));
        await Task.Delay(1000);
        var action = await alex.GetAsync($"actions/{deliveryId}");

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("X-SupportBot-Signature", JsonNode.Parse(await wrongSecret.Content.ReadAsStringAsync())!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("accepted", action["status"]!.GetValue<string>());
        Assert.Null(action["result"]);
        Assert.Equal(told, connector.Requests.Count);
    }

    [Fact]
    public async Task Settings_WebhookUrlNotHttpOrShortSecret_TheAppRefusesToStartNamingTheKey()
    {
        var badUrl = new Dictionary<string, string> { ["Fulfilment:Webhooks:refunds:Url"] = "ftp://refunds.example.com", ["Fulfilment:Webhooks:refunds:Secret"] = RefundConversation.Secret };
        var shortSecret = new Dictionary<string, string> { ["Fulfilment:Webhooks:refunds:Url"] = "https://refunds.example.com/hook", ["Fulfilment:Webhooks:refunds:Secret"] = "short" };

        var url = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: badUrl));
        var secret = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(settings: shortSecret));

        Assert.Contains("Fulfilment:Webhooks:refunds:Url", url.Message, StringComparison.Ordinal);
        Assert.Contains("Fulfilment:Webhooks:refunds:Secret", secret.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> CallBackAsync(BotHost host, string deliveryId, byte[] body, string? signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fulfilment/{deliveryId}") { Content = content };
        if (signature is not null)
        {
            request.Headers.Add("X-SupportBot-Signature", signature);
        }

        return await host.Client.SendAsync(request);
    }
}
