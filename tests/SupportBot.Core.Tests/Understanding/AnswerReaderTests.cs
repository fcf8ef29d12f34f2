using SupportBot.Core.Understanding;

namespace SupportBot.Core.Tests.Understanding;

/// <summary>The repository's <c>answers.yaml</c>, read by the trained reader: questions worded in ways the file does not list.</summary>
public sealed class AnswerReaderTests
{
    [Theory]
    [InlineData("when are you open on Sundays", "opening_hours")]
    [InlineData("what time do you open on sundays?", "opening_hours")]
    [InlineData("how can I get my money back for something I bought", "return_item")]
    [InlineData("how do I change my password", "reset_password")]
    [InlineData("forgot my password", "reset_password")]
    [InlineData("can I pay with klarna?", "payment_methods")]
    [InlineData("how long does shipping take to Germany", "delivery_times")]
    [InlineData("how do I know where my parcel is", "track_order")]
    [InlineData("how do I cancel my netflix subscription", "cancel_subscription")]
    [InlineData("is there a number I can ring?", "contact_person")]
    [InlineData("Hi there, quick question - how do I cancel my subscription so I don't get charged again next month? No rush, thanks.", "cancel_subscription")]
    public void Match_QuestionWordedDifferently_GivesItsAnswer(string question, string answer)
    {
        var match = TestBots.Answers.Match(question);

        Assert.NotNull(match);
        Assert.Equal(answer, match.Answer.Id);
        Assert.InRange(match.Confidence, TestBots.Answers.Threshold, 1);
    }

    [Theory]
    [InlineData("my app crashes when I open it")]
    [InlineData("do you sell gift cards?")]
    [InlineData("you charged me twice")]
    [InlineData("my package is late, where is it")]
    [InlineData("is the new phone waterproof?")]
    [InlineData("can I change the delivery address on my order")]
    [InlineData("do you have vegan options on the menu")]
    [InlineData("how do I delete my account")]
    [InlineData("are you hiring")]
    public void Match_MessageNoAnswerCovers_GivesNone(string message)
    {
        Assert.Null(TestBots.Answers.Match(message));
    }

    [Fact]
    public void Match_WithoutAnswers_GivesNone()
    {
        var reader = AnswerReader.Train([], ["my parcel is late"]);

        Assert.Same(AnswerReader.None, reader);
        Assert.Null(reader.Match("what are your opening hours?"));
    }

    [Fact]
    public void Train_QuestionsNoAnswerCovers_JoinNoneSoTheyAreNotForcedOntoAnAnswer()
    {
        Answer[] answers =
        [
            new("payment", "Every payment method we accept is shown at checkout.", ["what payment options do you have?", "can I pay with paypal", "do you take credit cards?", "which cards can I use to pay"], []),
            new("hours", "Colleagues answer here on weekdays.", ["what are your opening hours?", "are you open on saturdays?", "when is customer service available"], []),
        ];
        string[] complaints = ["my parcel never arrived", "the app keeps crashing", "you charged me twice", "the screen is cracked"];
        string[] questions = ["do you sell gift cards?", "do you have gift vouchers?", "can I buy a gift card for a friend?", "what payment options do you have for gift cards"];

        var withQuestions = AnswerReader.Train(answers, complaints, questions);

        Assert.Null(withQuestions.Match("do you sell gift cards online?"));
        Assert.Equal("payment", withQuestions.Match("can I pay with a credit card?")?.Answer.Id);
    }

    [Fact]
    public void Train_SameInputs_SameReader()
    {
        Answer[] answers = [new("hours", "We're here on weekdays.", ["what are your opening hours?", "are you open on saturdays?", "when is customer service available"], [])];

        var first = AnswerReader.Train(answers, ["my parcel never arrived", "the app keeps crashing"]);
        var second = AnswerReader.Train(answers, ["my parcel never arrived", "the app keeps crashing"]);

        Assert.Equal(first.Match("when are you open")?.Confidence, second.Match("when are you open")?.Confidence);
    }
}
