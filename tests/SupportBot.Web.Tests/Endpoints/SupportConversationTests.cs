using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

/// <summary>The whole support conversation, turn by turn, over HTTP.</summary>
public sealed class SupportConversationTests
{
    [Fact]
    public async Task SupportDialog_WholeConversationOverHttp_GrantsRemedyAndThanksByName()
    {
        // The orders system books the replacement when asked, so the bot can say it is booked.
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Fulfilment:Webhooks:orders:Url"] = business.Url("orders"),
            ["Fulfilment:Webhooks:orders:Secret"] = "orders-webhook-secret-7f3a9c",
        });
        var conversationId = TestActivities.NewConversationId();
        const string Complaint = "My parcel never arrived, order 48213, I ordered it two weeks ago for $60";

        var greeting = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        var acknowledged = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, Complaint));
        var anythingElse = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "I emailed twice already"));
        var offer = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "no"));
        var granted = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "1"));
        var rating = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "yes"));
        var thanks = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "5"));

        var welcome = Assert.Single(greeting);
        host.Wording.AssertIs(SupportPrompts.Welcome, welcome.Text);
        Assert.Contains("Dana", welcome.Text, StringComparison.Ordinal);

        // The feeling first, then the one question the complaint did not already answer (order number, date: given).
        Assert.Equal(2, acknowledged.Count);
        host.Wording.AssertIsAny("empathy.", acknowledged[0].Text);
        Assert.Contains("Dana", acknowledged[0].Text, StringComparison.Ordinal);
        host.Wording.AssertIs(SupportPrompts.Question("tried"), acknowledged[1].Text);

        host.Wording.AssertIs(SupportPrompts.AskAnythingElse, Assert.Single(anythingElse).Text);

        var offered = Assert.Single(offer);
        host.Wording.AssertIs(SupportPrompts.OfferRemedies, offered.Text);
        Assert.Equal(["A replacement sent by express delivery, at no cost", "A full refund", "A credit on your account for the trouble", "Something else"], SuggestedTitles(offered));

        Assert.Equal(2, granted.Count);
        Assert.StartsWith("Your express replacement is booked at no cost", granted[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("Your reference is RF-1.", granted[0].Text, StringComparison.Ordinal);
        Assert.Equal("/orders", Assert.Single(business.Requests).Path);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, granted[1].Text);
        Assert.Equal(["Yes", "No"], SuggestedTitles(granted[1]));

        var ratingAsk = Assert.Single(rating);
        host.Wording.AssertIs(SupportPrompts.AskRating, ratingAsk.Text);
        Assert.Equal(["1", "2", "3", "4", "5"], SuggestedTitles(ratingAsk));

        var thanked = Assert.Single(thanks);
        host.Wording.AssertIs(SupportPrompts.Thanks, thanked.Text);
        Assert.Contains("Dana", thanked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportDialog_AskForPersonWithNoAgentSignedIn_TakesACallbackThenKeepsLaterMessages()
    {
        await using var host = await BotHost.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "my order is late"));
        var review = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "talk to a person"));
        var handedOver = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "that's right"));
        var contact = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "call me on 0161 496 0000 after 5pm"));
        var waiting = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hello?"));

        host.Wording.AssertIs(HandoffPrompts.ReviewBrief, Assert.Single(review).Text);
        Assert.Contains("“my order is late”", review[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, handedOver.Count);
        host.Wording.AssertIs(HandoffPrompts.Handoff(HandoffReason.CustomerAsked), handedOver[0].Text);
        host.Wording.AssertIs(HandoffPrompts.NoAgents, handedOver[1].Text);
        host.Wording.AssertIs(HandoffPrompts.CallbackTaken, Assert.Single(contact).Text);
        Assert.Contains("0161 496 0000 (after 5pm)", contact[0].Text, StringComparison.Ordinal);
        host.Wording.AssertIs(HandoffPrompts.WaitingPresence, Assert.Single(waiting).Text);
        var deskCase = Assert.Single(await host.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None));
        Assert.Equal(CaseStatus.Callback, deskCase.Status);
        Assert.Equal("call me on 0161 496 0000 after 5pm", deskCase.CallbackContact);
    }

    private static IEnumerable<string?> SuggestedTitles(Activity activity) =>
        activity.SuggestedActions?.Actions.Select(a => a.Title) ?? [];
}
