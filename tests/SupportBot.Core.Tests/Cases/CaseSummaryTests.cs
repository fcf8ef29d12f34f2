using SupportBot.Core.Cases;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Tests.Cases;

public sealed class CaseSummaryTests
{
    [Fact]
    public void ForCustomer_AnswerAlreadyInTheQuoteOrAnEarlierAnswer_IsNotListedAgain()
    {
        var supportCase = new SupportCase
        {
            Complaint = "my order arrived broken, the lamp",
            Answers =
            [
                new ClarifyingAnswer("order_number", "What's the order number?", "4471-2231") { Words = "order 4471-2231, it came on Monday" },
                new ClarifyingAnswer("product", "Which product is it?", "lamp"),
                new ClarifyingAnswer("when", "When did this happen?", "on Monday"),
                new ClarifyingAnswer("device", "Which app or device?", ClarifyingAnswer.NotFound),
            ],
        };

        var brief = CaseSummary.Of(supportCase).ForCustomer();

        Assert.Equal("“my order arrived broken, the lamp”; order number: 4471-2231; when: on Monday.", brief);
    }

    [Theory]
    [InlineData("no i havent contacted you before", "nothing yet")]
    [InlineData("nope", "nothing yet")]
    [InlineData("nothing: it arrived that way", "nothing: it arrived that way")]
    [InlineData("nothing needed", "nothing needed")]
    [InlineData("no, but I restarted it twice", "no, but I restarted it twice")]
    [InlineData("unplugged it for 10 mins", "unplugged it for 10 mins")]
    public void AlreadyTried_APlainNo_IsNothingYet(string answer, string expected)
    {
        var supportCase = new SupportCase { Complaint = "my parcel never came", Answers = [new ClarifyingAnswer("tried", "What have you tried?", answer)] };

        Assert.Equal(expected, CaseSummary.Of(supportCase).AlreadyTried);
    }

    [Fact]
    public void FeelingLine_NamesTheBandOfEachTurn_AndTheTrend()
    {
        var supportCase = new SupportCase { Complaint = "my parcel is late" };
        supportCase.Moods.Add(new MoodReading(1, "negative", -0.3, 0.3, ["frustration"], "mild"));
        supportCase.Moods.Add(new MoodReading(2, "neutral", 0, 0, [], "calm"));
        supportCase.Moods.Add(new MoodReading(3, "negative", -0.8, 0.8, ["anger"], "furious"));

        Assert.Equal("mild → calm → furious; trend: worsening", CaseSummary.Of(supportCase).FeelingLine);
        Assert.Equal("not read yet", CaseSummary.Of(new SupportCase { Complaint = "hi" }).FeelingLine);
    }

    [Fact]
    public void ForCustomer_MoneyRemedy_SaysWhatItPaysWithItsCurrency()
    {
        var supportCase = new SupportCase { Complaint = "the lamp is smashed", RemedyId = "refund", RemedyWanted = "a full refund", RemedyPaysFor = MoneyPurpose.Item };
        CaseAmounts.TakeReply(supportCase, "89 pounds", MoneyPurpose.Item, "USD", "lamp");

        var summary = CaseSummary.Of(supportCase);

        Assert.EndsWith("you'd like a full refund (£89.00).", summary.ForCustomer(), StringComparison.Ordinal);
        Assert.Equal("£89.00", summary.RemedyAmountText);
        Assert.Equal("£89.00 (lamp)", summary.AmountText);
    }

    [Fact]
    public void ForCustomer_RemedyInTheirOwnWords_IsQuotedAsTheirs()
    {
        var supportCase = new SupportCase { Complaint = "the shade is cracked", RemedyWanted = "just send me a new shade" };

        Assert.EndsWith("you'd like “just send me a new shade”.", CaseSummary.Of(supportCase).ForCustomer(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_PersonAskedForBeforeAnythingWasTold_SaysSoInsteadOfAnEmptyProblem()
    {
        var summary = CaseSummary.Of(new SupportCase { AskedForPersonFirst = true, CategoryTitle = "Something else" });

        Assert.Equal("asked for a person before saying what it is about", summary.Problem);
        Assert.Equal(string.Empty, summary.Complaint);
    }
}
