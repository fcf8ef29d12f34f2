using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Understanding.Entities;

public sealed class AlreadyToldReaderTests
{
    [Theory]
    [InlineData("I already told you")]
    [InlineData("i already told u!!")]
    [InlineData("I said that already")]
    [InlineData("I said it already")]
    [InlineData("read my first message")]
    [InlineData("Read my first message!!!")]
    [InlineData("I've told you twice")]
    [InlineData("I’ve told you twice now")]
    [InlineData("ive told you 3 times")]
    [InlineData("I told you already")]
    [InlineData("like I said")]
    [InlineData("scroll up")]
    [InlineData("see above")]
    [InlineData("it's in my first message")]
    [InlineData("you asked me that already")]
    [InlineData("how many times do I have to say it")]
    [InlineData("did you even read what I wrote")]
    [InlineData("omg I literally just told you")]
    [InlineData("I ALREADY GAVE YOU THE ORDER NUMBER")]
    [InlineData("i gave you my email already")]
    public void Read_OnlyAReminder_HasNoRest(string text)
    {
        var told = AlreadyToldReader.Read(text);

        Assert.NotNull(told);
        Assert.Null(told.Rest);
        Assert.True(AlreadyToldReader.OnlyReminds(text));
    }

    [Theory]
    [InlineData("as I said, it's the lamp", "it's the lamp")]
    [InlineData("As I said before: order 4471-2231", "order 4471-2231")]
    [InlineData("I already told you, the Nordlys lamp", "the Nordlys lamp")]
    [InlineData("like I said the app crashes on start", "the app crashes on start")]
    [InlineData("I told you it's the lamp", "it's the lamp")]
    [InlineData("i already told you. 77310", "77310")]
    public void Read_ReminderWithAnAnswer_KeepsTheAnswer(string text, string rest)
    {
        var told = AlreadyToldReader.Read(text);

        Assert.NotNull(told);
        Assert.Equal(rest, told.Rest);
        Assert.False(AlreadyToldReader.OnlyReminds(text));
    }

    [Theory]
    [InlineData("the lamp")]
    [InlineData("I sent it back last week")]
    [InlineData("I told them I'd be out")]
    [InlineData("I said I wanted a refund")]
    [InlineData("can you look up my order 4471")]
    [InlineData("I already restarted it")]
    public void Read_NoReminder_IsNotOnlyOne(string text)
    {
        Assert.False(AlreadyToldReader.OnlyReminds(text));
    }
}
