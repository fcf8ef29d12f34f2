using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Support;

public sealed class SupportDialogTests
{
    private static async Task<CaseSummary?> HandoffOf(MemoryStorage storage, string conversationId)
    {
        var items = await storage.ReadAsync([$"test/conversations/{conversationId}"], CancellationToken.None);
        var json = System.Text.Json.Nodes.JsonNode.Parse(items.Values.Single().Json)!["case"];
        return (json is null ? null : System.Text.Json.JsonSerializer.Deserialize<SupportCase>(json, StateJson.Options)) is { WithColleague: true } handedOver ? CaseSummary.Of(handedOver) : null;
    }

    [Fact]
    public async Task SupportDialog_AngryFirstMessage_AcknowledgesFeelingBeforeAsking()
    {
        await new TestFlow(TestBots.SupportBot()) { UserName = "Dana Reyes" }
            .Send("hi").AssertReply(r => Assert.Contains("Dana", r.Text, StringComparison.Ordinal))
            .Send("my refund STILL hasn't arrived, three weeks!!")
            .AssertReplyOneOf([.. Wording.OfAny("empathy.upset."), .. Wording.OfAny("empathy.furious.")]) // the feeling first, with no question in it
            .AssertReply(r => Assert.Contains("?", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_RemedyNeedsApproval_SummaryHasEverythingAndMasksCard()
    {
        var storage = new MemoryStorage();
        var flow = new TestFlow(TestBots.SupportBot(storage)) { UserName = "Sam Ortiz" };

        await flow
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("you charged my card 4111 1111 1111 1111 twice, I'm really angry").AssertReplyOneOf(Wording.OfAny("empathy.")).AssertReply(r => Assert.EndsWith("?", r.Text, StringComparison.Ordinal))
            .Send("$120").AssertReply(r => Assert.Contains("?", r.Text, StringComparison.Ordinal))
            .Send("last Friday").AssertReplyOneOf(Wording.Of("questions.purchase"))
            .Send("order 77123").AssertReply(r => Assert.Contains("nything", r.Text, StringComparison.Ordinal))
            .Send("nobody answered my emails either").AssertReplyOneOf(Wording.OfAny("empathy."))
            .AssertReply(r => Assert.Equal("A refund of the duplicate charge", r.SuggestedActions!.Actions[0].Title))
            .Send("A full refund")
            .AssertReply(r =>
            {
                Assert.Contains("here's what I'll pass on", r.Text, StringComparison.Ordinal);
                Assert.Contains("[card ending 1111]", r.Text, StringComparison.Ordinal);
                Assert.Contains("you'd like a refund of the duplicate charge", r.Text, StringComparison.Ordinal);
            })
            .Send("the second charge was on 3 May")
            .AssertReplyOneOf(Wording.Of("handoff.addition_noted"))
            .AssertReply(r => Assert.Contains("approval", r.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        var summary = await HandoffOf(storage, flow.ConversationId);
        Assert.NotNull(summary);
        Assert.Equal(HandoffReason.RemedyNeedsApproval, summary.Reason);
        Assert.Equal("Sam Ortiz", summary.CustomerName);
        Assert.Equal("billing", summary.Category);
        Assert.Contains("[card ending 1111]", summary.Complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", summary.Complaint, StringComparison.Ordinal);
        Assert.Equal(120m, summary.Amount);
        Assert.Contains("over the automatic limit", summary.ApprovalReason, StringComparison.Ordinal);
        Assert.Equal(["amount", "when", "purchase"], summary.Answers.Select(a => a.QuestionId));
        Assert.Equal("nobody answered my emails either", Assert.Single(summary.UnderlyingIssues));
        Assert.Equal("a refund of the duplicate charge", summary.RemedyWanted);
        Assert.True(summary.Moods.Count >= 5);
        Assert.Equal("negative", summary.Moods[0].Label);
        Assert.Contains("What happened?", summary.DoNotAskAgain);
        Assert.Equal("the second charge was on 3 May", summary.CustomerAddition);
    }

    [Fact]
    public async Task SupportDialog_ReturningCustomerWithOpenCase_IsRemindedNotRestarted()
    {
        var storage = new MemoryStorage();
        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Ana Silva" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("my order is late").AssertReplyOneOf(Wording.OfAny("empathy.")).AssertReplyOneOf(Wording.Of("questions.order_number"))
            .Send("talk to a person").AssertReply(r => Assert.Contains("here's what I'll pass on", r.Text, StringComparison.Ordinal))
            .Send("that's right").AssertReply(r => Assert.Contains("colleague", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Ana Silva" }
            .Send("hello again")
            .AssertReply(r =>
            {
                Assert.Contains("Welcome back, Ana", r.Text, StringComparison.Ordinal);
                Assert.Contains("you told me your order is late", r.Text, StringComparison.Ordinal);
            })
            .Send("yes").AssertReply(r => Assert.Contains("no need to start over", r.Text, StringComparison.Ordinal))
            .Send("it still hasn't come").AssertReply(r => Assert.Contains("added that to your case", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_ReturningCustomerWithOpenCase_ANewProblemOfAnotherKindIsHeardNotAskedAbout()
    {
        var storage = new MemoryStorage();
        await OpenCaseAsync(storage);

        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Ana Silva" }
            .Send("im locked out of my account, the 2fa codes arent arriving")
            .AssertReplyOneOf(Wording.OfAny("empathy."))
            .AssertReplyOneOf(Wording.Of("questions.account"))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_ReturningCustomerWithOpenCase_AnsweringTheCheckInWithANewProblemIsHeard()
    {
        var storage = new MemoryStorage();
        await OpenCaseAsync(storage);

        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Ana Silva" }
            .Send("hello again").AssertReply(r => Assert.Contains("Welcome back, Ana", r.Text, StringComparison.Ordinal))
            .Send("no, this time the app keeps crashing when I open it")
            .AssertReplyOneOf(Wording.OfAny("empathy."))
            .AssertReply(r => Assert.DoesNotContain("Welcome back", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    private static Task OpenCaseAsync(MemoryStorage storage) =>
        new TestFlow(TestBots.SupportBot(storage)) { UserName = "Ana Silva" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("my order is late").AssertReplyOneOf(Wording.OfAny("empathy.")).AssertReplyOneOf(Wording.Of("questions.order_number"))
            .Send("talk to a person").AssertReply(r => Assert.Contains("here's what I'll pass on", r.Text, StringComparison.Ordinal))
            .Send("that's right").AssertReply(r => Assert.Contains("colleague", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

    [Fact]
    public async Task SupportDialog_ReturningCustomerWithoutOpenCase_WelcomedBack()
    {
        var storage = new MemoryStorage();
        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Kim Lee" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("I can't log in to my account since yesterday").AssertReplyOneOf(Wording.OfAny("empathy.")).AssertReplyOneOf(Wording.Of("questions.account"))
            .Send("kim@example.com").AssertReplyOneOf(Wording.Of("questions.tried"))
            .Send("I restarted the app and cleared the cache").AssertReplyOneOf(Wording.Of("layers.ask"))
            .Send("no").AssertReplyOneOf(Wording.Of("remedies.check_email"))
            .Send("yes").AssertReplyOneOf(Wording.Of("remedies.offer"))
            .Send("1").AssertReplyContains("I've sent a secure reset link").AssertReplyOneOf(Wording.Of("closing.confirm_resolved"))
            .Send("yes").AssertReplyOneOf(Wording.Of("closing.rating"))
            .Send("5").AssertReplyOneOf(Wording.Of("closing.thanks"))
            .StartTestAsync();

        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Kim Lee" }
            .Send("hi")
            .AssertReply(r => Assert.Matches("^(Welcome back|Good to see you again), Kim", r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_GoldCustomer_UpgradeGrantedWithoutApproval_AColleagueSetsItUp()
    {
        await new TestFlow(TestBots.SupportBot(profile: p => p.Tier = "gold")) { UserName = "Jo Brown" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("I'm just not happy with how things went").AssertReplyOneOf(Wording.OfAny("empathy.")).AssertReplyOneOf(Wording.Of("categories.ask"))
            .Send("Something else").AssertReplyOneOf(Wording.Of("questions.when"))
            .Send("a month ago").AssertReplyOneOf(Wording.Of("questions.tried"))
            .Send("I wrote once").AssertReplyOneOf(Wording.Of("layers.ask"))
            .Send("no").AssertReplyOneOf(Wording.Of("remedies.offer"))
            .Send("2").AssertReply(r => Assert.StartsWith("I've asked a colleague to set up your upgrade", r.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_PersonJoinsChannel_GreetedByName()
    {
        await new TestFlow(TestBots.SupportBot())
            .Send(new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Recipient = new ChannelAccount { Id = "bot" },
                MembersAdded = [new ChannelAccount { Id = "bot" }, new ChannelAccount { Id = "user1", Name = "Dana Reyes" }],
            })
            .AssertReply(r => Assert.Contains("Dana", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_ManyTurns_NeverRepeatsAnEmpathyOrAcknowledgementLine()
    {
        var said = new List<string>();
        var flow = new TestFlow(TestBots.SupportBot(options: new SupportOptions { MaxUnderlyingIssues = 5 })) { UserName = "Max Kane" }
            .Send("hi").AssertReplyOneOf(Wording.Of("greeting.welcome"))
            .Send("I am frustrated, my parcel is late").AssertReply(r => said.Add(r.Text!)).AssertReplyOneOf(Wording.Of("questions.order_number"))
            .Send("order 12345").AssertReplyOneOf(Wording.Of("questions.when"))
            .Send("yesterday").AssertReplyOneOf(Wording.Of("questions.tried"))
            .Send("I emailed").AssertReplyOneOf(Wording.Of("layers.ask"));
        string[] issues = ["the courier left it outside", "the tracking page shows nothing", "the box was wet", "I had to take a day off", "the app logs me out"];
        foreach (var issue in issues)
        {
            // After the fifth further issue (MaxUnderlyingIssues) the bot stops asking and offers remedies.
            var next = issue == issues[^1] ? "remedies.offer" : "layers.ask_again";
            flow.Send(issue).AssertReply(r => said.Add(r.Text!)).AssertReplyOneOf(Wording.Of(next));
        }

        await flow.StartTestAsync();

        Assert.Equal(6, said.Count);
        Assert.Equal(said.Count, said.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EmpathyFallbacks_EveryLineUsed_StillFindsUnusedLine()
    {
        var catalog = TestBots.Prompts().Current;
        var used = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 30; i++)
        {
            var key = EmpathyPicker.Fallbacks("empathy.furious.anger").First(k => catalog.Variants(k).Any(v => !used.Contains(v.Id)));
            used.Add(catalog.Variants(key).First(v => !used.Contains(v.Id)).Id);
        }

        Assert.Equal(30, used.Count);
    }
}
