using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Support;

/// <summary>Questions get the admins' answer or the honest offer of a colleague, never the complaint's questions and remedies.</summary>
public sealed class QuestionDialogTests
{
    [Fact]
    public async Task Question_OpeningHoursWithSetHours_AnswerSaysThem()
    {
        var handoff = new HandoffServices { TeamHours = () => "Monday to Friday, 08:00 to 18:00 (UTC time)" };

        await new TestFlow(TestBots.SupportBot(handoff: handoff)) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("are you open at the weekend?").AssertReplyOneOf(Wording.Of("questions.acknowledge"))
            .AssertReplyContains("Colleagues answer in this chat Monday to Friday, 08:00 to 18:00 (UTC time);")
            .AssertReplyOneOf(Wording.Of("questions.did_that_answer"))
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_HowToInAComplaintCategoryTheAnswerCovers_IsAnsweredWithoutAnOrderNumber()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("how do I cancel my subscription?").AssertReplyOneOf(Wording.Of("questions.acknowledge"))
            .AssertReplyContains("You can cancel a subscription yourself")
            .AssertReplyOneOf(Wording.Of("questions.did_that_answer"))
            .Send("no").AssertReplyOneOf(Wording.Of("questions.offer_after_answer"))
            .Send("no").AssertReplyOneOf(Wording.Of("questions.left_with_customer"))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_InAComplaintCategoryNoAnswerCovers_GetsTheOfferNotTheComplaintsQuestions()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("do you price match?").AssertReplyOneOf(Wording.Of("questions.acknowledge"))
            .AssertReplyOneOf(Wording.Of("questions.offer_colleague"))
            .Send("yes").AssertReplyContains("“do you price match?”")
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_AskedInAnger_IsAProblemToPutRight()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("why the hell was I charged twice for my order?! this is ridiculous").AssertReplyOneOf(Wording.OfAny("empathy."))
            .AssertReplyOneOf(Wording.Of("questions.amount"))
            .StartTestAsync();
    }

    [Fact]
    public void Answer_ListingCategories_IsNotGivenToAQuestionFiledUnderAnother()
    {
        string[] examples = ["how do I return an item?", "can I send back something I ordered", "what's your returns process"];
        string[] none = ["my parcel never arrived", "the app keeps crashing", "you charged me twice"];
        var forAccounts = AnswerReader.Train([new Answer("returns", "Your confirmation email says how.", examples, ["account"])], none);
        var forReturns = AnswerReader.Train([new Answer("returns", "Your confirmation email says how.", examples, ["cancel_return"])], none);

        Assert.Null(Services(forAccounts).Answer("can I return the jacket I ordered?"));
        Assert.Equal("returns", Services(forReturns).Answer("can I return the jacket I ordered?")?.Answer.Id);
    }

    private static SupportServices Services(AnswerReader answers)
    {
        var storage = new MemoryStorage();
        var catalog = TestBots.Catalog();
        return new SupportServices(TestBots.Prompts(), () => catalog, TestBots.Sentiment, new SupportOptions(), new ConversationState(storage), new UserState(storage), reader: TestBots.Reader, answers: () => answers);
    }

    [Fact]
    public async Task Question_AskedInAnger_FeelingIsAcknowledgedFirst()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("this is ridiculous, I've wasted an hour. what are your opening hours?!").AssertReplyOneOf(Wording.OfAny("empathy."))
            .StartTestAsync();
    }
}
