using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class NoAnswerReaderTests
{
    [Theory]
    [InlineData("I don't know, it's somewhere in my email")]
    [InlineData("I don’t know")]
    [InlineData("dunno")]
    [InlineData("idk")]
    [InlineData("no idea sorry")]
    [InlineData("not sure")]
    [InlineData("I can't find it")]
    [InlineData("it's somewhere in my email")]
    [InlineData("somewhere in my inbox")]
    [InlineData("I can't remember")]
    [InlineData("forgot it")]
    [InlineData("I don't have it to hand")]
    [InlineData("I'd have to check")]
    [InlineData("haven't a clue")]
    [InlineData("?")]
    [InlineData("ummm")]
    [InlineData("no i dont have the order number its 4 years old")]
    public void Read_DoesNotKnow_IsUnknown(string text)
    {
        var none = NoAnswerReader.Read(text);

        Assert.NotNull(none);
        Assert.Equal(NoAnswerKind.Unknown, none.Kind);
    }

    [Theory]
    [InlineData("there isn't one")]
    [InlineData("There is no order number")]
    [InlineData("I don't have one")]
    [InlineData("I never got one")]
    [InlineData("I didn't get an order number")]
    [InlineData("n/a")]
    [InlineData("N/A")]
    [InlineData("none")]
    [InlineData("None.")]
    [InlineData("not applicable")]
    [InlineData("I didn't order anything, it just appeared")]
    [InlineData("it's not an order")]
    public void Read_NothingToGive_IsNone(string text)
    {
        var none = NoAnswerReader.Read(text);

        Assert.NotNull(none);
        Assert.Equal(NoAnswerKind.None, none.Kind);
    }

    [Theory]
    [InlineData("no order, it's the monthly plan", AlternativeKind.Subscription, "the monthly plan")]
    [InlineData("I don't have an order number, it's a subscription", AlternativeKind.Subscription, "a subscription")]
    [InlineData("there isn't one, it was a gift", AlternativeKind.Gift, "a gift")]
    [InlineData("I don't have one, I bought it in store", AlternativeKind.InStore, "in store")]
    [InlineData("no order number, I got it on Amazon", AlternativeKind.ThirdParty, "on Amazon")]
    public void Read_NoneWithAlternative_SaysWhatInstead(string text, AlternativeKind alternative, string alternativeText)
    {
        var none = NoAnswerReader.Read(text);

        Assert.NotNull(none);
        Assert.Equal(NoAnswerKind.None, none.Kind);
        Assert.Equal(alternative, none.Alternative);
        Assert.Equal(alternativeText, none.AlternativeText);
    }

    [Theory]
    [InlineData("it's the monthly plan", AlternativeKind.Subscription)]
    [InlineData("it was a gift", AlternativeKind.Gift)]
    public void Read_OnlyAnAlternative_IsNoneWithIt(string text, AlternativeKind alternative)
    {
        var none = NoAnswerReader.Read(text);

        Assert.NotNull(none);
        Assert.Equal(NoAnswerKind.None, none.Kind);
        Assert.Equal(alternative, none.Alternative);
    }

    [Fact]
    public void Read_UnknownAndNone_NoneWins()
    {
        var none = NoAnswerReader.Read("not sure, I don't think there is one");

        Assert.NotNull(none);
        Assert.Equal(NoAnswerKind.None, none.Kind);
    }

    [Theory]
    [InlineData("48213")]
    [InlineData("not sure, maybe 48213")]
    [InlineData("I don't know, try dana@example.com")]
    [InlineData("my subscription charged me twice")]
    [InlineData("the lamp arrived broken")]
    [InlineData("yes")]
    [InlineData("no one answered my emails")]
    [InlineData("I know exactly what happened")]
    [InlineData("")]
    public void Read_GivesSomething_IsNull(string text)
    {
        Assert.Null(NoAnswerReader.Read(text));
    }
}
