using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Testing;

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
            .AssertReply(r =>
            {
                Assert.Contains("Dana", r.Text, StringComparison.Ordinal);
                Assert.Contains("your refund", r.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("?", r.Text, StringComparison.Ordinal);
            })
            .AssertReply(r => Assert.Contains("?", r.Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_RemedyNeedsApproval_SummaryHasEverythingAndMasksCard()
    {
        var storage = new MemoryStorage();
        var flow = new TestFlow(TestBots.SupportBot(storage)) { UserName = "Sam Ortiz" };

        await flow
            .Send("hi").AssertReply(_ => { })
            .Send("you charged my card 4111 1111 1111 1111 twice, I'm really angry").AssertReply(_ => { }).AssertReply(r => Assert.EndsWith("?", r.Text, StringComparison.Ordinal))
            .Send("$120").AssertReply(r => Assert.Contains("?", r.Text, StringComparison.Ordinal))
            .Send("last Friday").AssertReply(r => Assert.Contains("order number", r.Text, StringComparison.OrdinalIgnoreCase))
            .Send("order 77123").AssertReply(r => Assert.Contains("nything", r.Text, StringComparison.Ordinal))
            .Send("nobody answered my emails either").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("no").AssertReply(r => Assert.Equal("A full refund", r.SuggestedActions!.Actions[0].Title))
            .Send("A full refund")
            .AssertReply(r =>
            {
                Assert.Contains("here's what I'll pass on", r.Text, StringComparison.Ordinal);
                Assert.Contains("[card ending 1111]", r.Text, StringComparison.Ordinal);
                Assert.Contains("you'd like a full refund", r.Text, StringComparison.Ordinal);
            })
            .Send("the second charge was on 3 May")
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
        Assert.Equal(["amount", "when", "order_number"], summary.Answers.Select(a => a.QuestionId));
        Assert.Single(summary.UnderlyingIssues);
        Assert.Equal("a full refund", summary.RemedyWanted);
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
            .Send("hi").AssertReply(_ => { })
            .Send("my order is late").AssertReply(_ => { }).AssertReply(_ => { })
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
    public async Task SupportDialog_ReturningCustomerWithoutOpenCase_WelcomedBack()
    {
        var storage = new MemoryStorage();
        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Kim Lee" }
            .Send("hi").AssertReply(_ => { })
            .Send("I can't log in to my account since yesterday").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("kim@example.com").AssertReply(_ => { })
            .Send("I reset my password").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("1").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("yes").AssertReply(_ => { })
            .Send("5").AssertReply(r => Assert.Contains("Kim", r.Text, StringComparison.Ordinal))
            .StartTestAsync();

        await new TestFlow(TestBots.SupportBot(storage)) { UserName = "Kim Lee" }
            .Send("hi")
            .AssertReply(r => Assert.Matches("^(Welcome back|Good to see you again), Kim", r.Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task SupportDialog_GoldCustomer_UpgradeGrantedWithoutApproval()
    {
        await new TestFlow(TestBots.SupportBot(profile: p => p.Tier = "gold")) { UserName = "Jo Brown" }
            .Send("hi").AssertReply(_ => { })
            .Send("I'm just not happy with how things went").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("Something else").AssertReply(_ => { })
            .Send("a month ago").AssertReply(_ => { })
            .Send("I wrote once").AssertReply(_ => { })
            .Send("no").AssertReply(_ => { })
            .Send("2").AssertReply(r => Assert.Contains("upgrade", r.Text, StringComparison.Ordinal)).AssertReply(r => Assert.EndsWith("?", r.Text, StringComparison.Ordinal))
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
            .Send("hi").AssertReply(_ => { })
            .Send("I am frustrated, my parcel is late").AssertReply(r => said.Add(r.Text!)).AssertReply(_ => { })
            .Send("order 12345").AssertReply(_ => { })
            .Send("yesterday").AssertReply(_ => { })
            .Send("I emailed").AssertReply(_ => { });
        foreach (var issue in new[] { "the courier left it outside", "the tracking page shows nothing", "the box was wet", "I had to take a day off", "the app logs me out" })
        {
            flow.Send(issue).AssertReply(r => said.Add(r.Text!)).AssertReply(_ => { });
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
            var key = EmpathyPicker.Fallbacks("empathy.severe.anger").First(k => catalog.Variants(k).Any(v => !used.Contains(v.Id)));
            used.Add(catalog.Variants(key).First(v => !used.Contains(v.Id)).Id);
        }

        Assert.Equal(30, used.Count);
    }
}
