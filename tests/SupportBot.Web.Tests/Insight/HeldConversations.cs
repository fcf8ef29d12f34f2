using System.Text.Json.Nodes;
using SupportBot.Web.Tests.Fulfilment;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Insight;

/// <summary>
/// Three real conversations through <c>/api/messages</c>, for the dashboard to show: a refund the bot grants itself
/// (the business system confirms it), sorted and rated 5; one handed to a person on request, whom Alex accepts from
/// the console (delivered through the <see cref="FakeConnector"/>, as a channel would, so the colleague's messages have
/// somewhere to go); and one that stops after the complaint.
/// </summary>
internal sealed record HeldConversations(string Contained, string HandedOff, string Left)
{
    /// <summary>Settings for a host these conversations can run on: the refunds webhook at <paramref name="business"/>, and agent accounts with the admin <c>ada</c>.</summary>
    public static Dictionary<string, string> Settings(FakeBusinessSystem business) => RefundConversation.Settings(business);

    public static async Task<HeldConversations> HoldAsync(BotHost host, FakeConnector connector)
    {
        var contained = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "I think I was charged twice for my last order", "$42.50", "last Tuesday", "nope", "refund", "yes", "5" })
        {
            await host.ExpectRepliesAsync(TestActivities.Message(contained, text));
        }

        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var handedOff = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "my parcel never arrived, order 48213", "I'd like to talk to a person please", "that's right" })
        {
            await RefundConversation.PostAsync(host.Client, connector, handedOff, text);
        }

        var caseId = Assert.Single(await alex.CasesAsync())!["caseId"]!.GetValue<string>();
        var (accepted, _) = await alex.PostAsync($"cases/{caseId}/accept");
        Assert.Equal(System.Net.HttpStatusCode.OK, accepted);

        var left = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "the app keeps crashing whenever I open my account page, it's SO annoying!!" })
        {
            // Another customer: Dana, with a case open, would first be asked whether this is about it.
            var message = TestActivities.Message(left, text);
            message["from"] = new JsonObject { ["id"] = "29:user-lee", ["name"] = "Lee Park" };
            await host.ExpectRepliesAsync(message);
        }

        return new HeldConversations(contained, handedOff, left);
    }

}
