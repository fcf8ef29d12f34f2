using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class CorrectionReaderTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_NoTheLampCost_CorrectsAmountWithPurpose()
    {
        var correction = CorrectionReader.Read("No, the lamp cost 89 pounds", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Amount, correction.Slot);
        Assert.NotNull(correction.Amount);
        Assert.Equal(89m, correction.Amount.Value);
        Assert.Equal("GBP", correction.Amount.Currency);
        Assert.Equal("lamp", correction.Amount.PurposeText);
        Assert.Equal("No,", correction.Marker);
    }

    [Theory]
    [InlineData("no wait, it was 45 not 54", 45)]
    [InlineData("wait no, it was 54 dollars not 45", 54)]
    [InlineData("sorry i meant 45", 45)]
    [InlineData("hang on, sorry, it was 54", 54)]
    [InlineData("no wait, it was 54.99 not 45.99", 54.99)]
    [InlineData("you charged me 54, sorry i mean 45", 45)]
    [InlineData("i paid 60 quid no wait 70", 70)]
    [InlineData("i was charged 40 dollars, i mean 40.50", 40.50)]
    public void Read_HesitantCorrection_CorrectsAmount(string text, double expected)
    {
        var correction = CorrectionReader.Read(text, Now, "USD");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Amount, correction.Slot);
        Assert.Equal((decimal)expected, correction.Amount!.Value);
    }

    [Theory]
    [InlineData("oh no it broke again")]
    [InlineData("wait what")]
    public void Read_ExclamationWithoutValue_IsNone(string text) => Assert.Null(CorrectionReader.Read(text, Now, "USD"));

    [Fact]
    public void Read_NotTheOther_KeepsNewRejectsOld()
    {
        var correction = CorrectionReader.Read("actually it was £89 not £12", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Amount, correction.Slot);
        Assert.Equal(89m, correction.Amount!.Value);
        Assert.Equal("£12", correction.Rejected);
    }

    [Fact]
    public void Read_NotFirst_KeepsTheSecond()
    {
        var correction = CorrectionReader.Read("it's not £12 but £89", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(89m, correction.Amount!.Value);
        Assert.Equal("£12", correction.Rejected);
    }

    [Fact]
    public void Read_SorryIMeantOrder_CorrectsOrderNumber()
    {
        var correction = CorrectionReader.Read("sorry, I meant order 48213", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.OrderNumber, correction.Slot);
        Assert.Equal("48213", correction.OrderNumber!.Value);
    }

    [Fact]
    public void Read_OrderTypo_RejectsTheOther()
    {
        var correction = CorrectionReader.Read("it's 48213, not 48231", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.OrderNumber, correction.Slot);
        Assert.Equal("48213", correction.OrderNumber!.Value);
        Assert.Equal("48231", correction.Rejected);
    }

    [Fact]
    public void Read_CorrectionArrivedOnTuesday_CorrectsDate()
    {
        var correction = CorrectionReader.Read("correction: it arrived on Tuesday", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Date, correction.Slot);
        Assert.Equal(new DateOnly(2024, 3, 19), correction.Date!.From);
    }

    [Fact]
    public void Read_NotTheThirdButFifth_CorrectsDate()
    {
        var correction = CorrectionReader.Read("no, it was the 5th not the 3rd", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Date, correction.Slot);
        Assert.Equal(new DateOnly(2024, 3, 5), correction.Date!.From);
    }

    [Fact]
    public void Read_NoItsPhone_CorrectsContact()
    {
        var correction = CorrectionReader.Read("no, it's 07700 900123", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Contact, correction.Slot);
        Assert.Equal("07700900123", correction.Contact!.Value);
    }

    [Fact]
    public void Read_ActuallyTheRokuApp_CorrectsProduct()
    {
        var correction = CorrectionReader.Read("actually it's the Roku app", Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Product, correction.Slot);
        Assert.Equal("Roku app", correction.Product!.Name);
    }

    [Theory]
    [InlineData("no, it was 3 days ago not 2", 17)]
    [InlineData("no it was 3 days ago", 17)]
    [InlineData("sorry, it was 5 days ago, not 3", 15)]
    [InlineData("no, it happened 3 days ago not 2 days ago", 17)]
    [InlineData("actually it was 2 weeks ago", 6)]
    public void Read_DaysAgoNotOther_CorrectsTheDateNeverAnAmount(string text, int day)
    {
        var correction = CorrectionReader.Read(text, Now, "GBP");

        Assert.NotNull(correction);
        Assert.Equal(EntityKind.Date, correction.Slot);
        Assert.Equal(new DateOnly(2024, 3, day), correction.Date!.From);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No, I don't have one")]
    [InlineData("the lamp cost 89 pounds")]
    [InlineData("no one answered, I paid £89")]
    [InlineData("Sorry to bother you, order 48213 never came")]
    [InlineData("I paid £89 and £12 for delivery")]
    [InlineData("refund obviously. and make sure the subscription is actually cancelled this time so it doesn't happen next month")]
    [InlineData("Well, I hadn't actually decided yet. If it can't get here by Saturday I'd rather have the refund.")]
    [InlineData("")]
    public void Read_NotACorrection_IsNull(string text)
    {
        Assert.Null(CorrectionReader.Read(text, Now, "GBP"));
    }

    [Theory]
    [InlineData("you charged me 54, sorry i mean 45", "you charged me 45")]
    [InlineData("i paid £60 no wait £70 for it", "i paid £70 for it")]
    [InlineData("you charged me 54", "you charged me 54")]
    [InlineData("sorry i meant 45", "sorry i meant 45")]
    [InlineData("it was £89 not £12", "it was £89 not £12")]
    [InlineData("charged 54 twice and the app is broken, i mean really broken", "charged 54 twice and the app is broken, i mean really broken")]
    public void Settled_CorrectionWithinTheMessage_ReadsAsMeant(string text, string expected) =>
        Assert.Equal(expected, CorrectionReader.Settled(text, "GBP"));
}
