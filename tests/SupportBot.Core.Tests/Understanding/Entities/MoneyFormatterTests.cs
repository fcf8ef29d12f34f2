using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class MoneyFormatterTests
{
    [Theory]
    [InlineData(89, "GBP", "£89.00")]
    [InlineData(60, "USD", "$60.00")]
    [InlineData(30, "EUR", "€30.00")]
    [InlineData(30, "CHF", "CHF 30.00")]
    [InlineData(12.5, "cad", "CAD 12.50")]
    [InlineData(1200.5, "GBP", "£1,200.50")]
    [InlineData(1200, "JPY", "¥1,200")]
    [InlineData(-5, "GBP", "-£5.00")]
    [InlineData(0.995, "GBP", "£1.00")]
    public void Format_AmountAndCurrency_WritesSymbolAndTwoDecimals(double value, string currency, string expected)
    {
        Assert.Equal(expected, MoneyFormatter.Format((decimal)value, currency));
    }

    [Fact]
    public void Format_ReadAmount_RoundTripsThroughReader()
    {
        var amount = Assert.Single(MoneyReader.Read("the lamp cost 89 pounds", "USD"));

        Assert.Equal("£89.00", MoneyFormatter.Format(amount));
        Assert.Equal("£89.00", amount.ToString());
    }
}
