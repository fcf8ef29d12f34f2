using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Support;

public sealed class SupportServicesTests
{
    private static SupportServices Services(IMessageReader? reader)
    {
        var storage = new MemoryStorage();
        var catalog = TestBots.Catalog();
        return new SupportServices(TestBots.Prompts(), () => catalog, TestBots.Sentiment, new SupportOptions(), new ConversationState(storage), new UserState(storage), reader: reader);
    }

    [Theory]
    [InlineData("I'm just not happy with how things went")]
    [InlineData("it's all wrong")]
    [InlineData("the delivery guy smashed my parcel and you charged me twice")]
    public void LikelyCategories_Unsure_ThreeOrFourOfThemThenSomethingElse(string complaint)
    {
        var offered = Services(TestBots.Reader).LikelyCategories(complaint, TestBots.Reader.Read(complaint));

        Assert.InRange(offered.Count, 4, 5);
        Assert.Equal(SupportCatalog.Other, offered[^1].Id);
        Assert.Equal(offered.Count, offered.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void LikelyCategories_TheReadersLikeliestFirst()
    {
        var reading = TestBots.Reader.Read("the delivery guy smashed my parcel and you charged me twice");

        var offered = Services(TestBots.Reader).LikelyCategories("the delivery guy smashed my parcel and you charged me twice", reading);

        Assert.Equal(reading.TopCategories[0].Category, offered[0].Id);
    }

    [Fact]
    public void LikelyCategories_NoReader_TheKeywordsThenTheCatalogsOrder()
    {
        var offered = Services(reader: null).LikelyCategories("you charged me twice", reading: null);

        Assert.Equal(["billing", "delivery", "damaged", "other"], offered.Select(c => c.Id));
    }

    [Theory]
    [InlineData("it's about a charge on my card", "billing")]
    [InlineData("Account or sign-in", "account")]
    [InlineData("it's the app", "technical")]
    [InlineData("what?", null)]
    [InlineData("I don't know", null)]
    public void CategoryInWords_AnyCategoryShownOrNot(string answer, string? expected)
    {
        Assert.Equal(expected, Services(TestBots.Reader).CategoryInWords(answer));
    }
}
