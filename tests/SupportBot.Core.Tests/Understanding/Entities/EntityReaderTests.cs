using System.Diagnostics;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

/// <summary>The conversations that went wrong, read again.</summary>
public sealed class EntityReaderTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ReadAll_SomewhereInMyEmail_IsNoAnswerNotOrderNumber()
    {
        var entities = EntityReader.ReadAll("I don't know, it's somewhere in my email", Now, "GBP");

        Assert.Empty(entities.OrderNumbers);
        Assert.NotNull(entities.NoAnswer);
        Assert.Equal(NoAnswerKind.Unknown, entities.NoAnswer.Kind);
    }

    [Fact]
    public void ReadAll_RatingFive_IsNoContact()
    {
        var entities = EntityReader.ReadAll("5", Now, "GBP");

        Assert.Empty(entities.Contacts);
        Assert.Empty(entities.OrderNumbers);
        Assert.Empty(entities.Amounts);
    }

    [Fact]
    public void ReadAll_OnTheThird_IsDateNotOrderNumber()
    {
        var entities = EntityReader.ReadAll("it happened on the 3rd", Now, "GBP");

        Assert.Empty(entities.OrderNumbers);
        var date = Assert.Single(entities.Dates);
        Assert.Equal(new DateOnly(2024, 3, 3), date.From);
    }

    [Fact]
    public void ReadAll_DeliveryChargeSideIssue_IsDeliveryFeeNotItemPrice()
    {
        var entities = EntityReader.ReadAll("and I was also hit with a £12 express delivery charge for nothing", Now, "GBP");

        var amount = Assert.Single(entities.Amounts);
        Assert.Equal(MoneyPurpose.Delivery, amount.Purpose);
        Assert.NotEqual(MoneyPurpose.Item, amount.Purpose);
        Assert.Null(entities.Correction);
    }

    [Fact]
    public void ReadAll_LampCorrection_GivesEightyNinePoundsFormatted()
    {
        var entities = EntityReader.ReadAll("No, the lamp cost 89 pounds", Now, "GBP");

        Assert.NotNull(entities.Correction);
        Assert.Equal("£89.00", MoneyFormatter.Format(entities.Correction.Amount!));
        var product = Assert.Single(entities.Products);
        Assert.Equal("lamp", product.Name);
    }

    [Fact]
    public void ReadAll_UsShop_ReadsAmericanDates()
    {
        var entities = EntityReader.ReadAll("ordered 03/04 and paid 45", Now, "USD");

        Assert.Equal(new DateOnly(2024, 3, 4), Assert.Single(entities.Dates).From);
        Assert.Equal("USD", Assert.Single(entities.Amounts).Currency);
    }

    [Fact]
    public void ReadAll_Empty_IsEmpty()
    {
        var entities = EntityReader.ReadAll("  ", Now, "GBP");

        Assert.Empty(entities.Amounts);
        Assert.Null(entities.NoAnswer);
        Assert.Null(entities.Correction);
    }

    [Fact]
    public void ReadAll_LongComplaint_FindsEachKind()
    {
        const string text = "Order #A-99812: my Xbox Series X arrived broken 3 days ago, I paid £449.99 and they want "
            + "£12 for return postage. Call me on +44 7700 900123 or dana@example.com";

        var entities = EntityReader.ReadAll(text, Now, "GBP");

        Assert.Equal("A-99812", Assert.Single(entities.OrderNumbers).Value);
        Assert.Equal("Xbox Series X", Assert.Single(entities.Products).Name);
        Assert.Equal(new DateOnly(2024, 3, 17), Assert.Single(entities.Dates).From);
        Assert.Collection(entities.Amounts,
            a => Assert.Equal(449.99m, a.Value),
            a => Assert.Equal(MoneyPurpose.Delivery, a.Purpose));
        Assert.Equal(2, entities.Contacts.Count);
        Assert.Null(entities.NoAnswer);
    }

    [Fact]
    public void ReadAll_RefundAndLampPrice_KeepsEachPurpose()
    {
        var entities = EntityReader.ReadAll("They refunded 12.00 but the lamp was 89 quid!!", Now, "GBP");

        Assert.Collection(entities.Amounts,
            a => Assert.Equal((12.00m, MoneyPurpose.Refund), (a.Value, a.Purpose)),
            a => Assert.Equal((89m, MoneyPurpose.Item, "lamp"), (a.Value, a.Purpose, a.PurposeText)));
    }

    [Fact]
    public void ReadAll_LongHostileText_FinishesQuickly()
    {
        var text = new string('1', 5000) + new string(' ', 3000) + string.Concat(Enumerable.Repeat("a1-", 2000))
            + string.Concat(Enumerable.Repeat("my order 48213 cost £89.99 on the 3rd, call 07700 900123, I don't know ", 200));
        var watch = Stopwatch.StartNew();

        var entities = EntityReader.ReadAll(text, Now, "GBP");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Equal(200, entities.Amounts.Count);
    }
}
