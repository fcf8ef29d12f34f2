using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class PushbackReaderTests
{
    [Theory]
    [InlineData("why do you need that", true)]
    [InlineData("Why do you even need to know that??", true)]
    [InlineData("what's that got to do with anything", true)]
    [InlineData("does it matter?", true)]
    [InlineData("why?", true)]
    [InlineData("what for", true)]
    [InlineData("why do you need that, it's the lamp", false)]
    [InlineData("why does it keep crashing", false)]
    [InlineData("since Monday", false)]
    public void AsksWhy_OnlyThePushback(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksWhy(text));
    }

    [Theory]
    [InlineData("why does that matter? he was RUDE", true)]
    [InlineData("oh wonderful, another question. does it matter?", true)]
    [InlineData("why do you need that", true)]
    [InlineData("why does it matter, it's 55120", false)]
    [InlineData("why does it keep crashing", false)]
    [InlineData("does it matter? the courier threw it over the fence and drove off laughing at me", false)]
    public void AsksWhyAmid_WithAFewWordsOfFeeling(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksWhyAmid(text));
    }

    [Theory]
    [InlineData("skip", true)]
    [InlineData("just fix it please", true)]
    [InlineData("none of your business", true)]
    [InlineData("I'd rather not say", true)]
    [InlineData("doesn't matter", true)]
    [InlineData("skip the router one, it's a Hub 3", false)]
    [InlineData("I restarted it", false)]
    public void Declines_OnlyTheRefusal(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.Declines(text));
    }

    [Theory]
    [InlineData("what can you actually do about it?", true)]
    [InlineData("seriously, what are you going to do?", true)]
    [InlineData("so are you gonna fix it or not?", true)]
    [InlineData("can you fix it?", true)]
    [InlineData("what happens now?", true)]
    [InlineData("what can you do about the router, it's a Hub 3", false)]
    [InlineData("I can't do anything with it", false)]
    [InlineData("what happens is it freezes", false)]
    public void AsksWhatNext_OnlyTheQuestion(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksWhatNext(text));
    }

    [Theory]
    [InlineData("ok and how long does it take", true)]
    [InlineData("how long will this take?", true)]
    [InlineData("do I have to send the broken one back?", true)]
    [InlineData("what's the difference?", true)]
    [InlineData("what are my options?", true)]
    [InlineData("what happens after I pick one?", true)]
    [InlineData("what happens is it freezes", false)]
    [InlineData("the app logs me out too", false)]
    [InlineData("I waited how long? three weeks", false)]
    [InlineData("how much credit would i get?", true)]
    [InlineData("how much would the refund be", true)]
    [InlineData("how much it cost me is not the point", false)]
    [InlineData("I'm not sure what a credit would do. I just want to watch my programmes.", true)]
    [InlineData("not sure about the specialist, what do they do", true)]
    [InlineData("what would a technical specialist do?", true)]
    [InlineData("what is a credit", true)]
    [InlineData("will a password reset even help? its the code thats the problem not the password", true)]
    [InlineData("would the specialist fix it today?", true)]
    [InlineData("sure, the credit", false)]
    [InlineData("not the credit, the refund", false)]
    public void AsksAboutTheFix_HowTheFixWouldGo(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksAboutTheFix(text));
    }

    [Theory]
    [InlineData("Oh dear, I didn't ask for a credit. Could someone just help me get the app working please?", "I didn't ask for a credit")]
    [InlineData("i never wanted the refund", "i never wanted the refund")]
    [InlineData("That’s not what I asked for", "not what I asked for")]
    [InlineData("I don't want a credit, I want it fixed", "I don't want a credit, I want it fixed")]
    [InlineData("the credit is fine thanks", null)]
    [InlineData("I didn't get an email yet", null)]
    public void Disowning_TurnsDownARemedyAfterTheFact(string text, string? expected)
    {
        Assert.Equal(expected, PushbackReader.Disowning(text));
    }

    [Theory]
    [InlineData("what could i try?", true)]
    [InlineData("um what should I do", true)]
    [InlineData("idk, what am I supposed to try", true)]
    [InlineData("nothing yet, any ideas?", true)]
    [InlineData("what do you suggest?", true)]
    [InlineData("no idea what to try tbh", true)]
    [InlineData("like what?", true)]
    [InlineData("i tried restarting it, what else can i do", false)]
    [InlineData("turned it off and on", false)]
    [InlineData("what do you mean?", false)]
    public void AsksWhatToTry_NothingTriedYet(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksWhatToTry(text));
    }

    [Theory]
    [InlineData("No thanks, I'm happy to wait a few more days really")]
    [InlineData("no thanks, i'll just wait")]
    [InlineData("Fine, leave it then")]
    [InlineData("it's fine really")]
    [InlineData("no need, I just wanted to let you know")]
    [InlineData("never mind")]
    public void WantsNothingDone_SaysNothingNeedsDoing(string text) => Assert.True(PushbackReader.WantsNothingDone(text));

    [Theory]
    [InlineData("no")]
    [InlineData("none of those")]
    [InlineData("it's fine but I want my money back")]
    [InlineData("I can't wait any longer")]
    [InlineData("leave it on the doorstep next time and refund me")]
    public void WantsNothingDone_NotADecline(string text) => Assert.False(PushbackReader.WantsNothingDone(text));

    [Theory]
    [InlineData("i want an apology and for him to be disciplined", true)]
    [InlineData("I'd like someone to actually call me back", true)]
    [InlineData("honestly i just want him spoken to", true)]
    [InlineData("a written apology", true)]
    [InlineData("the driver to be disciplined", true)]
    [InlineData("I want to know how long it takes", false)]
    [InlineData("refund", false)]
    [InlineData("what do you mean", false)]
    [InlineData("refund for the days i had no service", true)]
    [InlineData("compensation for the outage", true)]
    [InlineData("the refund of the delivery, is that possible?", true)]
    [InlineData("my refund for the boots never came", false)]
    public void StatesOwnWish_OnlyAWish(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.StatesOwnWish(text));
    }

    [Theory]
    [InlineData("i want an apology and for him to be disciplined", "an apology and for him to be disciplined")]
    [InlineData("Honestly, I'd like someone to call me", "someone to call me")]
    [InlineData("a written apology", "a written apology")]
    [InlineData("neither, i want the price difference refunded", "the price difference refunded")]
    [InlineData("none of these. I'd like a call from a manager", "a call from a manager")]
    [InlineData("no refund please", "no refund please")]
    public void WishWords_DropsTheOpening(string text, string expected)
    {
        Assert.Equal(expected, PushbackReader.WishWords(text));
    }

    [Theory]
    [InlineData("wait is my account even safe? could someone be trying to get in?", true)]
    [InlineData("should I change my password??", true)]
    [InlineData("is there an outage or something??", true)]
    [InlineData("WHY IS IT STILL LOCKED", false)]
    [InlineData("are you even listening??", false)]
    [InlineData("hello??", false)]
    [InlineData("is anyone there?", false)]
    [InlineData("the app logs me out every day", false)]
    public void AsksInEarnest_NotAngerNorCalling(string text, bool expected)
    {
        Assert.Equal(expected, PushbackReader.AsksInEarnest(text));
    }

    [Theory]
    [InlineData("4. compensation for my lost wages, £180, plus a confirmed appointment", "compensation for my lost wages, £180, plus a confirmed appointment")]
    [InlineData("4 - a replacement machine AND you pay for the floor", "a replacement machine AND you pay for the floor")]
    [InlineData("option 3, money back for the whole month", "money back for the whole month")]
    [InlineData("4", null)]
    [InlineData("4 please", null)]
    [InlineData("2 weeks ago I asked for this", null)]
    public void WishAfterNumber_OptionNumberThenWords_GivesTheWish(string text, string? expected) =>
        Assert.Equal(expected, PushbackReader.WishAfterNumber(text));

    [Theory]
    [InlineData("No, don't bother a colleague, it's not that important. I'll look it up myself. Thanks anyway.", true)]
    [InlineData("Oh. Is there not a page on your website I could look at instead?", true)]
    [InlineData("never mind, I'll check online", true)]
    [InlineData("no need to pass it on", true)]
    [InlineData("yes please", false)]
    [InlineData("no, the order number is wrong", false)]
    [InlineData("I checked the website myself and it says nothing", false)]
    public void DeclinesColleague_TurnsDownAPerson(string text, bool expected) =>
        Assert.Equal(expected, PushbackReader.DeclinesColleague(text));
}
