using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Tests.PromptFiles;

public sealed class BareApologyFinderTests
{
    [Theory]
    [InlineData("Sorry.")]
    [InlineData("Sorry!")]
    [InlineData("sorry")]
    [InlineData("SORRY!!")]
    [InlineData("Sorry about that.")]
    [InlineData("Sorry for that.")]
    [InlineData("We're sorry.")]
    [InlineData("We\u2019re so sorry.")]
    [InlineData("I'm sorry.")]
    [InlineData("I am truly sorry.")]
    [InlineData("I'm sorry, {name}.")]
    [InlineData("Sorry for the inconvenience.")]
    [InlineData("Sorry for any inconvenience caused.")]
    [InlineData("We apologize for any inconvenience this may have caused.")]
    [InlineData("We apologise for the trouble.")]
    [InlineData("Apologies for the delay, {name}.")]
    [InlineData("My apologies.")]
    [InlineData("Please accept our apologies for any confusion.")]
    [InlineData("Sorry for the wait.")]
    [InlineData("Sorry to keep you waiting.")]
    [InlineData("I'm sorry to hear that.")]
    [InlineData("Sorry for the late reply.")]
    [InlineData("Sorry about this situation.")]
    [InlineData("Sorry for the mix-up.")]
    [InlineData("I'm sorry this happened.")]
    [InlineData("I'm sorry that happened to you.")]
    [InlineData("I'm sorry you feel that way.")]
    [InlineData("I'm sorry you're upset.")]
    [InlineData("I'm sorry you were inconvenienced.")]
    [InlineData("Sorry about that, {name}, and I want to fix it.")]
    [InlineData("Sorry about that and we'll fix it now.")]
    [InlineData("Sorry, so sorry about that.")]
    [InlineData("I understand your frustration. Sorry about that.")]
    [InlineData("Your refund is three weeks late; sorry for that.")]
    [InlineData("Thanks for your patience, and sorry for the wait.")]
    [InlineData("I didn't catch that, sorry.")]
    public void BareApologyFinder_NothingSpecificAfterTheApology_ReturnsTheSentence(string text)
    {
        var sentence = BareApologyFinder.Find(text);

        Assert.NotNull(sentence);
        Assert.Matches("(?i)sorry|apolog", sentence);
    }

    [Theory]
    [InlineData("I'm sorry your refund has taken three weeks.")]
    [InlineData("I'm sorry we let you down.")]
    [InlineData("I'm sorry it has cost you time.")]
    [InlineData("I'm sorry this has caused you trouble, {name}; that is not the experience we want you to have.")]
    [InlineData("{name}, that would wear anyone down. I'm sorry we put you through it, and I want to fix it.")]
    [InlineData("I can hear how frustrating this has been, {name}, and I'm sorry we let you down.")]
    [InlineData("I'm so sorry the parcel is late.")]
    [InlineData("Sorry, {name}, your order arrived broken and that should not have happened.")]
    [InlineData("I'm sorry for the delay with your refund.")]
    [InlineData("Sorry for the wait on your replacement.")]
    [InlineData("I'm sorry to hear your parcel never arrived.")]
    [InlineData("I'm sorry about {issue}.")]
    [InlineData("We apologize for charging you twice.")]
    [InlineData("I apologise that your order arrived damaged.")]
    [InlineData("Apologies that it took us three weeks to reply.")]
    [InlineData("You deserve an apology: we sent the wrong size.")]
    [InlineData("I'm sorry it didn't arrive in time for the party.")]
    [InlineData("I'm sorry the technician never turned up.")]
    [InlineData("Sorry for keeping you on hold for an hour.")]
    [InlineData("I\u2019m sorry we got your order wrong.")]
    [InlineData("Thanks, {name}, that's clear. Let's put it right.")]
    [InlineData("Your refund is on its way, {name}.")]
    [InlineData("")]
    public void BareApologyFinder_ApologySaysWhatFor_ReturnsNull(string text)
    {
        var sentence = BareApologyFinder.Find(text);

        Assert.Null(sentence);
    }

    [Fact]
    public void BareApologyFinder_SecondSentenceBare_ReturnsOnlyThatSentence()
    {
        var sentence = BareApologyFinder.Find("I'm sorry your refund is late. Sorry about that!");

        Assert.Equal("Sorry about that!", sentence);
    }
}
