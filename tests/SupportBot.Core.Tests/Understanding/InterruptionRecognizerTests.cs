using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

public sealed class InterruptionRecognizerTests
{
    [Theory]
    [InlineData("agent")]
    [InlineData("Human please")]
    [InlineData("I want to talk to a person")]
    [InlineData("can I speak to a manager?")]
    [InlineData("get me a real person now")]
    [InlineData("connect me with an agent")]
    [InlineData("talk to someone")]
    [InlineData("USELESS BOT")]
    [InlineData("this bot is useless")]
    [InlineData("someone who can actually fix it")]
    [InlineData("I need somebody who knows what they're doing")]
    [InlineData("can i talk to her manager")]
    [InlineData("I want to speak to his supervisor")]
    [InlineData("no I'm not explaining it all to a bot")]
    [InlineData("im not talking to a robot")]
    [InlineData("unless a manager calls me i'm going to the ombudsman")]
    [InlineData("have your supervisor ring me")]
    [InlineData("can i just get a human")]
    [InlineData("is there an actual person i can talk to")]
    [InlineData("is there anyone there I can speak to?")]
    [InlineData("are there any humans available")]
    [InlineData("could I please speak to someone")]
    [InlineData("is there a real person around")]
    [InlineData("can I not just talk to a person")]
    [InlineData("yes give me a colleague")]
    [InlineData("a colleague please")]
    public void Recognize_DirectRequestForPerson_AsksForPerson(string text)
    {
        Assert.Equal(Interruption.AskForPerson, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("a call from a manager tomorrow morning")]
    [InlineData("the agent on the phone was rude and the parcel never came")]
    [InlineData("my human resources account is locked")]
    [InlineData("a replacement sent this week")]
    [InlineData("my son who can fix anything tried it too")]
    [InlineData("is there anyone else with this problem")]
    [InlineData("there was a person at the door but no parcel")]
    public void Recognize_AnswerMentioningPeople_IsNotAnInterruption(string text)
    {
        Assert.Equal(Interruption.None, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("help", Interruption.Help)]
    [InlineData("Help!", Interruption.Help)]
    [InlineData("start over", Interruption.StartOver)]
    [InlineData("Let's start over", Interruption.StartOver)]
    [InlineData("restart please", Interruption.StartOver)]
    [InlineData("I need help with my refund", Interruption.None)]
    public void Recognize_HelpAndStartOver(string text, Interruption expected)
    {
        Assert.Equal(expected, InterruptionRecognizer.Recognize(text));
    }

    [Theory]
    [InlineData("are you a bot?")]
    [InlineData("are you even a real person?")]
    [InlineData("Am I talking to a human or a robot")]
    [InlineData("is this a real person")]
    [InlineData("wait are you AI")]
    [InlineData("r u a bot")]
    public void Recognize_AsksIfBot(string text) => Assert.Equal(Interruption.AsksIfBot, InterruptionRecognizer.Recognize(text));

    [Theory]
    [InlineData("are you going to fix it")]
    [InlineData("is this a real problem for you")]
    [InlineData("the bot in your app is broken")]
    public void Recognize_NotAskingIfBot(string text) => Assert.NotEqual(Interruption.AsksIfBot, InterruptionRecognizer.Recognize(text));
}
