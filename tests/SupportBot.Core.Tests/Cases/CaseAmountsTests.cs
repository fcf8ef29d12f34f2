using SupportBot.Core.Cases;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Cases;

public sealed class CaseAmountsTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Take_DeliveryFeeOnTheSide_IsNeverTheItemsAmount()
    {
        var supportCase = new SupportCase();

        CaseAmounts.Take(supportCase, "the lamp is smashed and I paid a £12 express delivery charge for it", "USD", Now);

        Assert.Null(supportCase.Amount);
        Assert.Null(CaseAmounts.For(supportCase, MoneyPurpose.Item));
        Assert.Equal("£12.00", CaseAmounts.For(supportCase, MoneyPurpose.Delivery)?.ToString());
        Assert.Equal(["£12.00 express delivery charge"], supportCase.OtherAmounts);
    }

    [Theory]
    [InlineData("89 pounds", "£89.00")]
    [InlineData("£89", "£89.00")]
    [InlineData("it was 89", "$89.00")]
    [InlineData("the lamp was 89.50 but delivery was 12", "$89.50")]
    public void TakeReply_WhatDidItCost_KeepsTheItemsAmountWithItsCurrency(string reply, string expected)
    {
        var supportCase = new SupportCase();

        var taken = CaseAmounts.TakeReply(supportCase, reply, MoneyPurpose.Item, "USD", item: "lamp");

        Assert.Equal(expected, taken?.ToString());
        Assert.Equal(expected, supportCase.AmountText());
        Assert.Equal("lamp", supportCase.AmountFor);
    }

    [Fact]
    public void TakeReply_OnlyADeliveryFee_KeepsItBesideAndLeavesTheItemUnknown()
    {
        var supportCase = new SupportCase();

        var taken = CaseAmounts.TakeReply(supportCase, "I paid £12 for express delivery", MoneyPurpose.Item, "USD", item: "lamp");

        Assert.Null(taken);
        Assert.Null(supportCase.Amount);
        Assert.Equal("£12.00", supportCase.DeliveryFee?.ToString());
    }

    [Theory]
    [InlineData("I don't know")]
    [InlineData("no idea, it was a gift")]
    public void TakeReply_NoAmount_KeepsNothing(string reply)
    {
        var supportCase = new SupportCase();

        Assert.Null(CaseAmounts.TakeReply(supportCase, reply, MoneyPurpose.Item, "USD"));
        Assert.Null(supportCase.Amount);
    }

    [Theory]
    [InlineData("i didnt buy the router its yours, i pay 65 a month", true)]
    [InlineData("I pay £30 a month for it", true)]
    [InlineData("it's rented, I never bought it", true)]
    [InlineData("it came with my contract", true)]
    [InlineData("it was 89", false)]
    [InlineData("£49.99 plus delivery", false)]
    [InlineData("I don't know, about 60 I think", false)]
    public void NoPurchasePrice_NeverBoughtOutright(string reply, bool expected) =>
        Assert.Equal(expected, CaseAmounts.NoPurchasePrice(reply, "GBP"));

    [Fact]
    public void RemedyAmount_ForWhatTheRemedyPays_WithItsCurrency()
    {
        var supportCase = new SupportCase { RemedyWanted = "a refund of your delivery charge", RemedyId = "delivery_refund", RemedyPaysFor = MoneyPurpose.Delivery };
        CaseAmounts.Take(supportCase, "the lamp cost £89 and the express delivery was £12", "USD", Now);

        Assert.Equal("£12.00", supportCase.RemedyAmount()?.ToString());
        Assert.Equal("a refund of your delivery charge (£12.00)", supportCase.RemedyText());
    }

    [Fact]
    public void TakeCharge_AFeeIsTheChargeInDispute_WhenItIsAllThatIsNamed()
    {
        var supportCase = new SupportCase();
        CaseAmounts.Take(supportCase, "you charged me a £5 late fee", "USD", Now);

        CaseAmounts.TakeCharge(supportCase, "you charged me a £5 late fee", "USD");

        Assert.Equal("£5.00", supportCase.AmountText());
        Assert.Equal("late fee", supportCase.AmountFor);
        Assert.Empty(supportCase.OtherAmounts);
    }

    [Fact]
    public void CurrencyOf_TheCurrencyTheCustomerWroteIn_ElseTheDefault()
    {
        var supportCase = new SupportCase();
        Assert.Equal("USD", CaseAmounts.CurrencyOf(supportCase, "USD"));
        Assert.Equal("USD", CaseAmounts.CurrencyOf(null, "USD"));

        CaseAmounts.Take(supportCase, "I was charged twice, £12.99 both times", "USD", Now);
        supportCase.UnderlyingIssues.Add("nobody answered my email");
        var currency = CaseAmounts.CurrencyOf(supportCase, "USD");
        CaseAmounts.Take(supportCase, "no wait, it was 9.99 not 12.99", currency, Now);

        Assert.Equal("GBP", currency);
        Assert.Equal("£9.99", supportCase.AmountText());
    }

    [Fact]
    public void Take_CorrectionRulingOutTheDeliveryFee_CorrectsTheFeeNotThePrice()
    {
        var supportCase = new SupportCase();
        CaseAmounts.Take(supportCase, "I paid £6.95 for next day delivery on my lamp (£60)", "USD", Now);
        supportCase.UnderlyingIssues.Add("it took 5 days");
        Assert.Equal("£60.00 / £6.95", $"{supportCase.AmountText()} / {supportCase.DeliveryFee}");

        var said = CaseAmounts.Take(supportCase, "no, it was 7.95 not 6.95", CaseAmounts.CurrencyOf(supportCase, "USD"), Now);

        Assert.Equal("£7.95", said);
        Assert.Equal("£60.00", supportCase.AmountText());
        Assert.Equal("£7.95", CaseAmounts.For(supportCase, MoneyPurpose.Delivery)?.ToString());
        Assert.DoesNotContain(supportCase.OtherAmounts, a => a.StartsWith("£6.95", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pounds not dollars. and what do i do with the sandals", "£64.99")]
    [InlineData("no. £ not $. and ask them about returning the sandals", "£64.99")]
    [InlineData("its £64.99 GBP", "£64.99")]
    [InlineData("it was in euros", "€64.99")]
    public void Take_CurrencyPutRight_KeepsTheFigure(string text, string expected)
    {
        var supportCase = new SupportCase();
        CaseAmounts.TakeReply(supportCase, "64.99", MoneyPurpose.Item, "USD", "the trainers");

        Assert.Equal(expected, CaseAmounts.Take(supportCase, text, "USD", Now));
        Assert.Equal(expected, supportCase.AmountText());
    }

    [Theory]
    [InlineData("do you take euros?")]
    [InlineData("I paid in dollars")]
    [InlineData("the sandals are pink")]
    public void Take_NoCurrencyCorrection_LeavesTheAmount(string text)
    {
        var supportCase = new SupportCase();
        CaseAmounts.TakeReply(supportCase, "64.99", MoneyPurpose.Item, "USD", "the trainers");

        Assert.Null(CaseAmounts.Take(supportCase, text, "USD", Now));
        Assert.Equal("$64.99", supportCase.AmountText());
    }
}
