using SupportBot.Core.Handoff;
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
    public async Task Question_AboutAProblemNoAnswerCovers_GoesThroughTheComplaint()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("why was I charged twice for my order?").AssertReplyOneOf(Wording.OfAny("empathy."))
            .AssertReply(r => Assert.DoesNotContain(r.Text, Wording.Of("questions.offer_colleague")))
            .StartTestAsync();
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
