using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Tests.Fulfilment;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Support;

/// <summary>
/// What happens to a remedy once it is granted: a colleague's approval has it carried out like the bot's own grant,
/// and a refund for a purchase nobody named goes to a colleague rather than to a system that could not find it.
/// </summary>
public sealed class FulfilmentConversationTests
{
    private static Activity Decision(DeskEventValue value) => new()
    {
        Type = ActivityTypes.Event,
        Name = DeskEvents.Decision,
        CallerId = DeskEvents.CallerId,
        Value = JsonSerializer.SerializeToElement(value, StateJson.Options),
    };

    [Fact]
    public async Task RefundOverTheLimit_ApprovedByAColleague_IsCarriedOut_ThenToldDoneAndClosed()
    {
        var business = FakeBusiness.Up();

        await new TestFlow(TestBots.SupportBot(business: business)) { UserName = "Lee Park" }
            .Send("hi").AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.Welcome, r.Text), r.Text))
            .Send("I think I was charged twice for my last order").AssertReply(_ => { }).AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.Question("amount"), r.Text), r.Text))
            .Send("$120").AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.Question("when"), r.Text), r.Text))
            .Send("last Tuesday").AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.AskAnythingElse, r.Text), r.Text))
            .Send("no").AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.OfferRemedies, r.Text), r.Text))
            .Send("refund").AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.ReviewBrief, r.Text), r.Text))
            .Send("that's right").AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.Handoff(HandoffReason.RemedyNeedsApproval), r.Text), r.Text))
            .AssertNoReply()
            .Send(Decision(new DeskEventValue { Agent = "Alex Morgan", Decision = AgentDecision.Approved, Remedy = "a refund of the duplicate charge" }), "Alex approves the refund")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.Decided(AgentDecision.Approved), r.Text), r.Text))
            .AssertReply(r => Assert.Equal("Your refund of $120.00 is on its way back to your original payment method; it usually shows within 3 to 5 working days. Your reference is REF-1001.", r.Text))
            .AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.ConfirmResolved, r.Text), r.Text))
            .StartTestAsync();

        var (path, headers, body) = Assert.Single(business.Received);
        Assert.Equal("/refunds", path);
        Assert.Equal(120m, JsonDocument.Parse(body).RootElement.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.StartsWith("sha256=", headers["X-SupportBot-Signature"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true, null)]
    [InlineData(false, true, true, "the purchase (no order number or purchase was given) is not known")]
    [InlineData(true, false, true, "the amount is not known")]
    [InlineData(true, true, false, "the webhook 'refunds' is not configured")]
    public void Refund_GoesToItsSystemOnlyWhenThePurchaseAndAmountAreKnown_OtherwiseToAColleague(bool purchaseKnown, bool amountKnown, bool webhookOn, string? reason)
    {
        var refund = TestBots.Catalog().Remedies["refund"];
        var supportCase = new SupportCase { CaseId = "case-7", FirstName = "Ana", FullName = "Ana Silva", RemedyPaysFor = refund.PaysFor };
        if (purchaseKnown)
        {
            supportCase.Answers.Add(new ClarifyingAnswer("order_number", "Order number?", "48213"));
        }

        if (amountKnown)
        {
            supportCase.Amount = 60m;
            supportCase.Currency = "USD";
        }

        var options = TestBots.Fulfilment();
        if (!webhookOn)
        {
            options.Webhooks.Remove("refunds");
        }

        var context = new TurnContext(Activity.CreateMessage("refund") with { ChannelId = "test", Conversation = new ConversationAccount { Id = "c7" }, From = new ChannelAccount { Id = "u7" } }, TimeProvider.System);

        var action = RemedyActions.Queue(context, supportCase, refund, options);

        var row = Assert.Single(context.Outbox);
        Assert.Equal((action.DeliveryId, "case-7"), (row.Id, row.CaseId));
        Assert.Equal(reason is null ? "delivering" : "colleague", row.Status);
        Assert.Equal(reason is null ? "refunds" : null, action.Webhook);
        Assert.True(reason is null ? action.ColleagueReason is null : action.ColleagueReason!.StartsWith(reason, StringComparison.Ordinal), action.ColleagueReason);
        Assert.Equal([action.DeliveryId], supportCase.ActionsUnderway);
    }
}
