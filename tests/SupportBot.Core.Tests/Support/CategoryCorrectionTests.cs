using SupportBot.Core.Support;

namespace SupportBot.Core.Tests.Support;

public sealed class CategoryCorrectionTests
{
    private static readonly SupportCatalog Catalog = SupportCatalogLoader.Load(Path.Combine(TestBots.DialogsDirectory, "catalog")).Catalog!;

    [Theory]
    [InlineData("I can sign in fine?? It's the refund that's the problem, not the login.", "account", "billing", "the refund", "the login")]
    [InlineData("its my bill not the app", "technical", "billing", "my bill", "the app")]
    [InlineData("not the app, it's the parcel. it never came", "technical", "delivery", "the parcel", "the app")]
    [InlineData("this is about my password, not a delivery", "delivery", "account", "my password", "a delivery")]
    public void Read_PutsTheFilingRight(string text, string current, string category, string what, string not)
    {
        var read = CategoryCorrection.Read(text, Catalog, current);

        Assert.Equal((category, what, not), read);
    }

    [Theory]
    [InlineData("it's the refund that's the problem, not the login", "billing")]
    [InlineData("it is not working, the app keeps crashing", "technical")]
    [InlineData("it's not the first time this happened", "delivery")]
    [InlineData("no, the order number is 55120 not 55210", "delivery")]
    [InlineData("it's the router not the phone line", "technical")]
    public void Read_NoOtherFiling_Null(string text, string current)
    {
        Assert.Null(CategoryCorrection.Read(text, Catalog, current));
    }
}
