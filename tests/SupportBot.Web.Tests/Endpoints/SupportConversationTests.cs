using SupportBot.Core.Activities;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>The whole support conversation, turn by turn, over HTTP.</summary>
public sealed class SupportConversationTests
{
    [Fact]
    public async Task SupportDialog_FiveStepsOverHttp_EndsWithSummaryOfWhatWasSaid()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();
        const string Complaint = "My parcel is late and the box arrived damaged";
        const string Outcome = "A replacement sent by courier";

        var greeting = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        var categoryAsk = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, Complaint));
        var outcomeAsk = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "1"));
        var confirm = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, Outcome));
        var summary = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "yes"));

        var welcome = Assert.Single(greeting);
        host.Wording.AssertIs(SupportPrompts.Welcome, welcome.Text);
        Assert.Contains("Dana", welcome.Text, StringComparison.Ordinal);

        Assert.Equal(2, categoryAsk.Count);
        host.Wording.AssertIs(SupportPrompts.EmpathyMild, categoryAsk[0].Text);
        host.Wording.AssertIs(SupportPrompts.CategoryAsk, categoryAsk[1].Text);
        Assert.Equal(["delivery", "defect", "billing", "other"], SuggestedTitles(categoryAsk[1]));

        host.Wording.AssertIs(SupportPrompts.OutcomeAsk, Assert.Single(outcomeAsk).Text);

        var question = Assert.Single(confirm);
        host.Wording.AssertIs(SupportPrompts.HandoffConfirm, question.Text);
        Assert.Equal(["Yes", "No"], SuggestedTitles(question));

        Assert.Equal(2, summary.Count);
        host.Wording.AssertIs(SupportPrompts.Summary, summary[0].Text);
        Assert.Contains(Complaint, summary[0].Text, StringComparison.Ordinal);
        Assert.Contains("delivery", summary[0].Text, StringComparison.Ordinal);
        Assert.Contains(Outcome, summary[0].Text, StringComparison.Ordinal);
        host.Wording.AssertIs(SupportPrompts.HandoffPassed, summary[1].Text);
    }

    private static IEnumerable<string?> SuggestedTitles(Activity activity) =>
        activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
}
