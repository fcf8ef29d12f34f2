using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>The conversation's side of a handoff: which events the bot acts on, and what the customer hears after each.</summary>
public sealed class HandoffHandlerTests
{
    private static Activity StatusEvent(string state, string? callerId = null) => new()
    {
        Type = ActivityTypes.Event,
        Name = DeskEvents.HandoffStatus,
        CallerId = callerId,
        Value = JsonSerializer.SerializeToElement(new { state }, StateJson.Options),
    };

    private static Activity DeskEvent(string name, DeskEventValue value) => new()
    {
        Type = ActivityTypes.Event,
        Name = name,
        CallerId = DeskEvents.CallerId,
        Value = JsonSerializer.SerializeToElement(value, StateJson.Options),
    };

    /// <summary>Dana tells her problem, asks for a person and confirms the brief: the case goes to a colleague.</summary>
    private static TestFlow AsksForPerson(DeskTable? desk = null, HandoffServices? handoff = null) =>
        new TestFlow(TestBots.SupportBot(handoff: handoff, desk: desk)) { UserName = "Dana Reyes" }
            .Send("hi").AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.Welcome, r.Text), r.Text))
            .Send("my parcel never arrived")
            .AssertReply(r => Assert.True(EmpathyPicker.Bands.Any(b => EmpathyPicker.Emotions.Any(e => TestBots.IsLine($"empathy.{b}.{e}", r.Text))), r.Text))
            .AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.Question("order_number"), r.Text), r.Text))
            .Send("I want to talk to a person")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.ReviewBrief, r.Text), r.Text))
            .Send("that's right")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.Handoff(HandoffReason.CustomerAsked), r.Text), r.Text));

    private static TestFlow HandedOver(HandoffServices? handoff = null)
    {
        var flow = AsksForPerson(handoff: handoff);
        return handoff is { ContactCenterChannels.Count: > 0 }
            ? flow.AssertReply(r => Assert.Equal(DeskEvents.HandoffInitiate, r.Name)).AssertNoReply()
            : flow.AssertNoReply();
    }

    [Fact]
    public async Task HandoffStatus_FromAChannelThatIsNoContactCenter_IsIgnored_AndTheCaseStaysWithTheColleague()
    {
        await HandedOver()
            .Send(StatusEvent("completed"), "handoff.status completed from the customer's own channel")
            .AssertNoReply()
            .Send("hello? anyone there?")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.WaitingPresence, r.Text), r.Text))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task HandoffStatus_CompletedFromAContactCenterChannel_HandsBackToTheBotsClose()
    {
        var handoff = new HandoffServices { ContactCenterChannels = new HashSet<string> { "test" } };

        await HandedOver(handoff)
            .Send(StatusEvent("accepted"), "handoff.status accepted")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.AgentJoined, r.Text), r.Text))
            .Send("thanks, that's sorted then")
            .AssertNoReply()
            .Send(StatusEvent("completed"), "handoff.status completed")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.HandedBack, r.Text), r.Text))
            .AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.ConfirmResolved, r.Text), r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AgentJoined_WhileTheBotWaitsForACallbackNumber_EndsTheQuestion_TheCustomerTalksToTheColleague()
    {
        await HandedOver()
            .Send(DeskEvent(DeskEvents.HandoffStatus, new DeskEventValue { State = HandoffState.Failed }), "the contact center could not take it")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.NoAgents, r.Text), r.Text))
            .Send(DeskEvent(DeskEvents.AgentJoined, new DeskEventValue { Agent = "Alex Morgan" }), "a colleague joins after all")
            .AssertReply(r => Assert.Contains("Alex Morgan", r.Text, StringComparison.Ordinal))
            .Send("oh great, hi Alex")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Decision_Denied_SaysWhyAndWhoThenAsksWhetherItIsSorted()
    {
        await HandedOver()
            .Send(DeskEvent(DeskEvents.Decision, new DeskEventValue { Agent = "Alex Morgan", Decision = AgentDecision.Denied, Remedy = "a full refund", Note = "the item was used for a year" }), "a colleague denies the remedy")
            .AssertReply(r =>
            {
                Assert.True(TestBots.IsLine(HandoffPrompts.Denied, r.Text), r.Text);
                Assert.Contains("the item was used for a year", r.Text, StringComparison.Ordinal);
            })
            .AssertReply(r => Assert.True(TestBots.IsLine(SupportPrompts.ConfirmResolved, r.Text), r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Callback_WithNobodyFree_AsksAgainUntilItHasANumberOrAnAddress_AndSaysItBack()
    {
        var table = DeskTable.InMemory(Outbox.InMemory());
        var desk = new HandoffDesk(table, TimeProvider.System);
        var handoff = new HandoffServices { Desk = desk, AgentsAvailable = () => false, NobodyFreeBecause = () => "every colleague is helping another customer just now" };

        await AsksForPerson(table, handoff)
            .AssertReply(r => Assert.Contains("every colleague is helping another customer just now", r.Text, StringComparison.Ordinal))
            .Send("5")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackRetry, r.Text), r.Text))
            .Send("call me on 07700 900123 after 6pm")
            .AssertReply(r =>
            {
                Assert.True(TestBots.IsLine(HandoffPrompts.CallbackTaken, r.Text), r.Text);
                Assert.Contains("at 07700 900123 (after 6pm),", r.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();

        var waiting = Assert.Single(await desk.OpenCasesAsync(CancellationToken.None));
        Assert.Equal(CaseStatus.Callback, waiting.Status);
        Assert.Equal("call me on 07700 900123 after 6pm", waiting.CallbackContact);
    }

    [Fact]
    public async Task Callback_ReplyWithoutAContactTwice_StopsAsking_AndTheCaseWaitsForAReplyHere()
    {
        var table = DeskTable.InMemory(Outbox.InMemory());
        var desk = new HandoffDesk(table, TimeProvider.System);
        var handoff = new HandoffServices { Desk = desk, AgentsAvailable = () => false, NobodyFreeBecause = () => "every colleague is helping another customer just now" };

        await AsksForPerson(table, handoff)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.NoAgents, r.Text), r.Text))
            .Send("hello?")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackRetry, r.Text), r.Text))
            .Send("anyone there???")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackNone, r.Text), r.Text))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(CaseStatus.Waiting, Assert.Single(await desk.OpenCasesAsync(CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Callback_JustGetMeAHuman_IsNoNumberToAskAgainFor()
    {
        var table = DeskTable.InMemory(Outbox.InMemory());
        var handoff = new HandoffServices { Desk = new HandoffDesk(table, TimeProvider.System), AgentsAvailable = () => false };

        await AsksForPerson(table, handoff)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.NoAgents, r.Text), r.Text))
            .Send("just get me a human")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackNone, r.Text), r.Text))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("thanks i guess")]
    [InlineData("fine, thanks")]
    [InlineData("cool")]
    public async Task Callback_OkOrThanks_IsWaitingHere_NotAskedAgain(string reply)
    {
        var table = DeskTable.InMemory(Outbox.InMemory());
        var handoff = new HandoffServices { Desk = new HandoffDesk(table, TimeProvider.System), AgentsAvailable = () => false };

        await AsksForPerson(table, handoff)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.NoAgents, r.Text), r.Text))
            .Send(reply)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackNone, r.Text), r.Text))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task Waiting_HowLongQuestion_WithNobodyFree_SaysWhereTheyStand()
    {
        var table = DeskTable.InMemory(Outbox.InMemory());
        var handoff = new HandoffServices { Desk = new HandoffDesk(table, TimeProvider.System), AgentsAvailable = () => false, NobodyFreeBecause = () => "every colleague is helping another customer just now" };

        await AsksForPerson(table, handoff)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.NoAgents, r.Text), r.Text))
            .Send("no")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.CallbackNone, r.Text), r.Text))
            .Send("how long will it take")
            .AssertReply(r =>
            {
                Assert.True(TestBots.IsLine(HandoffPrompts.WaitingNobodyFree, r.Text), r.Text);
                Assert.Contains("number 1", r.Text, StringComparison.Ordinal);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Waiting_UpsetMessage_IsHeardNotThanked()
    {
        await HandedOver()
            .Send("this is ridiculous, I've been waiting forever!!")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.WaitingUpset, r.Text), r.Text))
            .Send("also the box was soaking wet")
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.Waiting, r.Text), r.Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("k")]
    [InlineData("fine")]
    [InlineData("cool, thanks")]
    [InlineData("thanks i guess")]
    [InlineData("yes")]
    [InlineData("Fine. I'll wait.")]
    [InlineData("d'accord, merci")]
    [InlineData("no worries")]
    public async Task Waiting_Acknowledgement_IsTakenIn_NotAddedToTheCase(string text)
    {
        await HandedOver()
            .Send(text)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.WaitingOk, r.Text), r.Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("not a colleague. a MANAGER.")]
    [InlineData("i want someone in charge")]
    [InlineData("get me someone higher up")]
    public async Task Waiting_AsksForAManager_IsPutOnTheCaseAndSaidSo(string text)
    {
        await HandedOver()
            .Send(text)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.ManagerNoted, r.Text), r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Waiting_ManagerOnlyMentioned_IsNoRequestForOne()
    {
        await HandedOver()
            .Send("the store manager was rude to me as well when i went in last week")
            .AssertReply(r => Assert.False(TestBots.IsLine(HandoffPrompts.ManagerNoted, r.Text), r.Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("is this a bot?")]
    [InlineData("am i talking to a real person")]
    public async Task Waiting_AsksIfBot_HearsHonestlyAndThatAPersonIsNext(string text)
    {
        await HandedOver()
            .Send(text)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.WaitingBotIdentity, r.Text), r.Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("hello?")]
    [InlineData("anyone there??")]
    public async Task Waiting_HelloAnyoneThere_HearsSomeoneIsHere(string text)
    {
        await HandedOver()
            .Send(text)
            .AssertReply(r => Assert.True(TestBots.IsLine(HandoffPrompts.WaitingPresence, r.Text), r.Text))
            .StartTestAsync();
    }
}
