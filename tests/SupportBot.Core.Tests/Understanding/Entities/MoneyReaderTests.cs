using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class MoneyReaderTests
{
    [Theory]
    [InlineData("it was 140 pounds", 140, "GBP", "140 pounds")]
    [InlineData("I paid £89 for it", 89, "GBP", "£89")]
    [InlineData("they took $60 off my card", 60, "USD", "$60")]
    [InlineData("€30 and nothing to show for it", 30, "EUR", "€30")]
    [InlineData("that's 30 euros gone", 30, "EUR", "30 euros")]
    [InlineData("charged USD 45 for nothing", 45, "USD", "USD 45")]
    [InlineData("45 bucks for a broken case", 45, "USD", "45 bucks")]
    [InlineData("the sofa was £1,200.50", 1200.50, "GBP", "£1,200.50")]
    [InlineData("Ich habe 1.200,50 € bezahlt", 1200.50, "EUR", "1.200,50 €")]
    [InlineData("only 12,99 € for postage", 12.99, "EUR", "12,99 €")]
    [InlineData("89 quid for a lamp that doesn't work", 89, "GBP", "89 quid")]
    [InlineData("it was 99p", 0.99, "GBP", "99p")]
    [InlineData("they owe me a tenner", 10, "GBP", "a tenner")]
    [InlineData("a £1.2k repair bill", 1200, "GBP", "£1.2k")]
    [InlineData("gbp 20", 20, "GBP", "gbp 20")]
    [InlineData("$ 42.50 was taken", 42.50, "USD", "$ 42.50")]
    [InlineData("it was 60 dollars", 60, "USD", "60 dollars")]
    [InlineData("I got charged 50 cents extra", 0.50, "USD", "50 cents")]
    [InlineData("an extra £5.", 5, "GBP", "£5")]
    public void Read_WrittenCurrency_FindsValueCurrencyAndSpan(string text, double value, string currency, string span)
    {
        var amount = Assert.Single(MoneyReader.Read(text, "GBP"));

        Assert.Equal((decimal)value, amount.Value);
        Assert.Equal(currency, amount.Currency);
        Assert.Equal(span, amount.Text);
        Assert.Equal(span, text.Substring(amount.Start, amount.Length));
        Assert.True(amount.CurrencyWritten);
    }

    [Theory]
    [InlineData("it cost 89", 89)]
    [InlineData("I paid 89 and it broke", 89)]
    [InlineData("they charged me 12.99 again", 12.99)]
    [InlineData("the total came to 101.50", 101.50)]
    [InlineData("12.99 each", 12.99)]
    [InlineData("I want a refund of 40", 40)]
    [InlineData("bought the season pass for 29.99 yesterday and it still says locked", 29.99)]
    public void Read_BareNumberWithMoneyWords_TakesDefaultCurrency(string text, double value)
    {
        var amount = Assert.Single(MoneyReader.Read(text, "EUR"));

        Assert.Equal((decimal)value, amount.Value);
        Assert.Equal("EUR", amount.Currency);
        Assert.False(amount.CurrencyWritten);
    }

    [Theory]
    [InlineData("I paid 3 weeks ago")]
    [InlineData("they charged 2 times")]
    [InlineData("it happened on the 3rd")]
    [InlineData("order 48213")]
    [InlineData("5")]
    [InlineData("I rate it 5 out of 5")]
    [InlineData("my iPhone 15 won't charge")]
    [InlineData("the app is on version 3.2.1")]
    [InlineData("paid on 03/03")]
    [InlineData("I paid at 10:30 this morning")]
    [InlineData("call me on 07700900123")]
    [InlineData("")]
    public void Read_NoMoney_FindsNothing(string text)
    {
        Assert.Empty(MoneyReader.Read(text, "GBP"));
    }

    [Fact]
    public void Read_DollarWithCanadianShop_IsCanadian()
    {
        var amount = Assert.Single(MoneyReader.Read("it was $60", "CAD"));

        Assert.Equal("CAD", amount.Currency);
    }

    [Fact]
    public void Read_UsDollarSignWithCanadianShop_IsUsDollars()
    {
        var amount = Assert.Single(MoneyReader.Read("it was US$60", "CAD"));

        Assert.Equal("USD", amount.Currency);
    }

    [Fact]
    public void Read_DeliveryChargeBesideLampPrice_TellsThemApart()
    {
        var amounts = MoneyReader.Read("The lamp cost £89 and on top of that a £12 express delivery charge that never happened", "GBP");

        Assert.Equal(2, amounts.Count);
        Assert.Equal(89m, amounts[0].Value);
        Assert.Equal(MoneyPurpose.Item, amounts[0].Purpose);
        Assert.Equal("lamp", amounts[0].PurposeText);
        Assert.Equal(12m, amounts[1].Value);
        Assert.Equal(MoneyPurpose.Delivery, amounts[1].Purpose);
        Assert.Equal("express delivery charge", amounts[1].PurposeText);
    }

    [Fact]
    public void Read_HyphenatedDeliveryCharge_IsDeliveryNotItem()
    {
        var amount = Assert.Single(MoneyReader.Read("and they added a £12 express-delivery charge too", "GBP"));

        Assert.Equal(MoneyPurpose.Delivery, amount.Purpose);
        Assert.Equal("express-delivery charge", amount.PurposeText);
    }

    [Theory]
    [InlineData("the lamp cost 89 pounds", "lamp", MoneyPurpose.Item)]
    [InlineData("No, the lamp cost 89 pounds", "lamp", MoneyPurpose.Item)]
    [InlineData("I paid £89 for the lamp", "lamp", MoneyPurpose.Item)]
    [InlineData("my desk lamp was £89", "desk lamp", MoneyPurpose.Item)]
    [InlineData("they charged £5 for postage", "postage", MoneyPurpose.Delivery)]
    [InlineData("a delivery fee of £4.99", "delivery fee", MoneyPurpose.Delivery)]
    [InlineData("shipping was $15", "shipping", MoneyPurpose.Delivery)]
    [InlineData("a £5 late fee", "late fee", MoneyPurpose.Fee)]
    [InlineData("my order was £101", "order", MoneyPurpose.Total)]
    [InlineData("Order total: £101", "order total", MoneyPurpose.Total)]
    [InlineData("I want a refund of £40", "refund", MoneyPurpose.Refund)]
    [InlineData("the monthly plan is €15", "monthly plan", MoneyPurpose.Subscription)]
    public void Read_WordsAroundAmount_SayWhatItIsFor(string text, string purposeText, MoneyPurpose purpose)
    {
        var amount = Assert.Single(MoneyReader.Read(text, "GBP"));

        Assert.Equal(purpose, amount.Purpose);
        Assert.Equal(purposeText, amount.PurposeText);
    }

    [Theory]
    [InlineData("it cost 89")]
    [InlineData("I think it was £89")]
    [InlineData("£89")]
    public void Read_NothingNamed_PurposeUnspecified(string text)
    {
        var amount = Assert.Single(MoneyReader.Read(text, "GBP"));

        Assert.Equal(MoneyPurpose.Unspecified, amount.Purpose);
        Assert.Null(amount.PurposeText);
    }

    [Fact]
    public void Read_ChargedTwiceEachTime_IsPerChargeWithCountTwo()
    {
        var amount = Assert.Single(MoneyReader.Read("I was charged twice, $12.99 each time", "GBP"));

        Assert.Equal(12.99m, amount.Value);
        Assert.Equal("USD", amount.Currency);
        Assert.Equal(MoneyPurpose.Charge, amount.Purpose);
        Assert.True(amount.Each);
        Assert.Equal(2, amount.Count);
    }

    [Fact]
    public void Read_ThreeTimesEach_CountsThree()
    {
        var amounts = MoneyReader.Read("you took it three times, 9.99 each", "GBP");

        var amount = Assert.Single(amounts);
        Assert.True(amount.Each);
        Assert.Equal(3, amount.Count);
    }

    [Fact]
    public void Read_ChargedMe_IsCharge()
    {
        var amount = Assert.Single(MoneyReader.Read("you charged me £30 for nothing", "GBP"));

        Assert.Equal(MoneyPurpose.Charge, amount.Purpose);
    }

    [Fact]
    public void Read_PerMonth_IsSubscription()
    {
        var amount = Assert.Single(MoneyReader.Read("I pay £9.99 a month for this", "GBP"));

        Assert.Equal(MoneyPurpose.Subscription, amount.Purpose);
    }

    [Theory]
    [InlineData("1,200.50", 1200.50)]
    [InlineData("1.200,50", 1200.50)]
    [InlineData("12,99", 12.99)]
    [InlineData("1,200", 1200)]
    [InlineData("1.200", 1200)]
    [InlineData("12.5", 12.5)]
    [InlineData("1,234,567.89", 1234567.89)]
    public void TryParseNumber_EnglishAndEuropeanSeparators(string digits, double expected)
    {
        Assert.True(MoneyReader.TryParseNumber(digits, out var value));

        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("89 pounds", 89, "GBP")]
    [InlineData("£89", 89, "GBP")]
    [InlineData("it was 89", 89, "USD")]
    [InlineData("89", 89, "USD")]
    [InlineData("about 89.99 I think", 89.99, "USD")]
    [InlineData("89 quid", 89, "GBP")]
    [InlineData("it was 89, order 4471", 89, "USD")]
    [InlineData("it was 45 now its 90", 90, "USD")]
    [InlineData("went from 45 to 90", 90, "USD")]
    [InlineData("it was £45, now it's £90", 90, "GBP")]
    [InlineData("45 last month and 90 this month", 90, "USD")]
    [InlineData("90, it used to be 45", 90, "USD")]
    [InlineData("it was 89, I tried to call twice", 89, "USD")]
    public void ReadReply_HowMuchWasIt_ABareNumberIsTheAmount(string text, double value, string currency)
    {
        var amount = MoneyReader.ReadReply(text, "USD")[0];

        Assert.Equal((decimal)value, amount.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData("I don't know")]
    [InlineData("on the 3rd")]
    [InlineData("3 weeks ago")]
    [InlineData("order 4471")]
    [InlineData("12/03")]
    [InlineData("12 March i sent it back")]
    [InlineData("sent it back on march 12")]
    [InlineData("the 3 of june")]
    [InlineData("6620419")]
    [InlineData("its 55102884")]
    public void ReadReply_NoAmount_FindsNothing(string text)
    {
        Assert.Empty(MoneyReader.ReadReply(text, "USD"));
    }

    [Theory]
    [InlineData("I paid 12 quid extra for next day delivery", MoneyPurpose.Delivery)]
    [InlineData("£7.99 for express", MoneyPurpose.Delivery)]
    [InlineData("a £12 express delivery charge", MoneyPurpose.Delivery)]
    [InlineData("the lamp cost £89", MoneyPurpose.Item)]
    [InlineData("I paid £6.95 for next day delivery on my lamp (£60) and it took 5 days.", MoneyPurpose.Delivery)]
    public void Read_RealWorldDeliveryWords_AreDelivery(string text, MoneyPurpose purpose)
    {
        Assert.Equal(purpose, MoneyReader.Read(text, "GBP")[0].Purpose);
    }

    [Fact]
    public void Read_FeeAndItemPriceInBrackets_EachKeepsItsPurpose()
    {
        var amounts = MoneyReader.Read("I paid £6.95 for next day delivery on my lamp (£60) and it took 5 days.", "GBP");
        Assert.Equal(MoneyPurpose.Delivery, amounts[0].Purpose);
        Assert.False(amounts[1].IsSideCharge());
    }
}
