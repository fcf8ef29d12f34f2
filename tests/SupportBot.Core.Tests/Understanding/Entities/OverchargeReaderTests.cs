using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class OverchargeReaderTests
{
    [Theory]
    [InlineData("i was charged 42 pounds instead of 30", "£12.00")]
    [InlineData("You charged me £42 instead of £30 for the mugs", "£12.00")]
    [InlineData("you charged me £42 for the mug set instead of £30, the price on your website", "£12.00")]
    [InlineData("you took 14.99 when the price is 9.99", "$5.00")]
    [InlineData("I paid $50 when it should have been $35", "$15.00")]
    [InlineData("my phone bill this month is £85 but my contract is £45 a month", "£40.00")]
    [InlineData("my bill was £60, my plan is usually £40", "£20.00")]
    [InlineData("charged me €60 rather than €45", "€15.00")]
    [InlineData("refund the 12 quid difference", "£12.00")]
    [InlineData("I was overcharged by $8", "$8.00")]
    [InlineData("you charged me £5 too much", "£5.00")]
    [InlineData("the difference is £7.50", "£7.50")]
    [InlineData("the price on the site was $29 and i was billed $45 bucks", "$16.00")]
    [InlineData("i was charged 120 dollars for a 60 dollar order, order 51234", "$60.00")]
    [InlineData("I paid £45 but it says £29 on your website", "£16.00")]
    [InlineData("my plan went up from £30 to £45 a month and nobody told me", "£15.00")]
    [InlineData("they put the price up from $40 to $55 a month", "$15.00")]
    [InlineData("you raised my price from €10 to €15 without asking", "€5.00")]
    [InlineData("you charged me £49,99 instead of £39,99 for my plan this month", "£10.00")]
    [InlineData("ihr habt €1.049,99 statt €999,99 abgebucht, I paid €1.049,99 instead of €999,99", "€50.00")]
    [InlineData("my plan went up from €9,99 to €12,99 a month", "€3.00")]
    public void Read_Overcharge_IsTheDifference(string text, string expected)
    {
        var overcharge = OverchargeReader.Read(text, MoneyReader.Read(text, "USD"));

        Assert.NotNull(overcharge);
        Assert.Equal(expected, overcharge.ToString());
        Assert.Equal(OverchargeReader.Overcharge, overcharge.PurposeText);
    }

    [Theory]
    [InlineData("the lamp cost £89 and the £12 delivery charge was wasted")]
    [InlineData("you charged me $12.99 twice")]
    [InlineData("I paid £30 instead of waiting for the sale")]
    [InlineData("charged £30 instead of £42")]
    [InlineData("wait no, it was 54 dollars not 45")]
    [InlineData("they charged me an extra £12 for express delivery")]
    [InlineData("my parcel never arrived")]
    [InlineData("i was charged $45 and the lamp cost $29 plus delivery")]
    [InlineData("the price was $29 and you refunded $45")]
    public void Read_NoOvercharge_IsNull(string text)
    {
        Assert.Null(OverchargeReader.Read(text, MoneyReader.Read(text, "USD")));
    }

    [Theory]
    [InlineData("no, that's wrong. i only want the extra 60 back", 60)]
    [InlineData("just refund the extra 16 please", 16)]
    [InlineData("my subscription price went up from 9.99 to 22.98 without any warning. cancel it and give me the extra 12.99 back", 12.99)]
    [InlineData("my bill increased from 30 to 45 this month", 15)]
    public void Read_BareExtra_TakesTheCurrencyGiven(string text, decimal expected)
    {
        var overcharge = OverchargeReader.Read(text, MoneyReader.Read(text, "USD"), "USD");

        Assert.NotNull(overcharge);
        Assert.Equal(expected, overcharge.Value);
        Assert.Equal("USD", overcharge.Currency);
    }

    [Theory]
    [InlineData("it took an extra 2 days to arrive")]
    [InlineData("my data usage went up from 10 to 20 gb")]
    [InlineData("delivery went up from 2 to 5 days")]
    [InlineData("the app went up from version 2 to 3 and broke")]
    [InlineData("the price went down from 40 to 30")]
    public void Read_FiguresThatAreNotMoney_AreNoOvercharge(string text)
    {
        Assert.Null(OverchargeReader.Read(text, MoneyReader.Read(text, "USD"), "USD"));
    }
}
