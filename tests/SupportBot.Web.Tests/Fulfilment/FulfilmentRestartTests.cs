using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Fulfilment;

/// <summary>
/// The bot as a real process, killed after the turn that granted a refund was committed and answered but before the
/// business system answered its request: started again on the same data, it sends the same action again (same
/// delivery id, same idempotency key, same bytes), the business carries it out once, and the customer hears it is
/// done in the same conversation. Started once more, it sends nothing again.
/// </summary>
public sealed class FulfilmentRestartTests
{
    [Fact]
    public async Task Refund_BotKilledAfterTheCommitBeforeTheDelivery_DeliveredExactlyOnceAfterTheRestart()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        business.AnswerNext(FakeBusinessSystem.Answer.Hang());
        await using var connector = await FakeConnector.StartAsync();
        using var data = new TempDirectory();
        var settings = RefundConversation.Settings(business, timeoutSeconds: 3);
        var conversationId = TestActivities.NewConversationId();

        IReadOnlyList<string> replies;
        await using (var first = await BotProcess.StartAsync(data.Path, settings))
        {
            // The 200 for "refund" means the turn, and the refund in its outbox, are on disk; the refunds system has
            // the request but has not answered, so nothing is done yet when the bot dies.
            replies = await RefundConversation.AskAsync(first.Client, connector, conversationId);
            await business.WaitForRequestsAsync(1);
            first.Kill();
        }

        IReadOnlyList<string> done;
        await using (var second = await BotProcess.StartAsync(data.Path, settings))
        {
            done = await RefundConversation.WaitForMessageAsync(connector, "Your refund of $42.50", TimeSpan.FromSeconds(90));

            // Rounds come every 0.2 s: were it to be sent again, it would be by now.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        await using (var third = await BotProcess.StartAsync(data.Path, settings))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var requests = business.Requests;
        RefundConversation.AssertSaid(RefundConversation.Asked, Assert.Single(replies));
        Assert.Equal(2, requests.Count);
        Assert.Equal([0, 200], requests.Select(r => r.AnsweredStatus));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(requests[0].Header("X-SupportBot-Delivery"), requests[1].Header("X-SupportBot-Delivery"));
        Assert.Equal(requests[0].Header("Idempotency-Key"), requests[1].Header("Idempotency-Key"));
        Assert.Equal(RefundConversation.Signature(requests[1].Body), requests[1].Header("X-SupportBot-Signature"));
        Assert.Equal(1, business.Performed);
        RefundConversation.AssertDoneThenClose($"{RefundConversation.Done} Your reference is RF-2.", done);
    }
}
