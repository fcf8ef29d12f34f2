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
    [InlineData("charged me €60 rather than €45", "€15.00")]
    [InlineData("refund the 12 quid difference", "£12.00")]
    [InlineData("I was overcharged by $8", "$8.00")]
    [InlineData("you charged me £5 too much", "£5.00")]
    [InlineData("the difference is £7.50", "£7.50")]
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
    public void Read_NoOvercharge_IsNull(string text)
    {
        Assert.Null(OverchargeReader.Read(text, MoneyReader.Read(text, "USD")));
    }
}
