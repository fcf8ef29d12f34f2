using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>The agents' Teams channel: a card per handoff posted proactively, Accept from Teams (one winner), the card updated in place.</summary>
public sealed class TeamsAgentCardTests
{
    private const string AgentsChannel = "19:agents@thread.tacv2";

    [Fact]
    public async Task TeamsCard_PostedForEachHandoff_AcceptFromTeamsAssignsAndUpdatesTheCard()
    {
        await using var connector = await FakeConnector.StartAsync();
        var settings = AgentClient.Accounts();
        settings["Handoff:TeamsChannel:ServiceUrl"] = connector.ServiceUrl;
        settings["Handoff:TeamsChannel:ConversationId"] = AgentsChannel;
        await using var host = await BotHost.StartAsync(settings: settings);
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213");
        await customer.PostMessageAsync(conversationId, token, "talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");

        var posted = (await connector.WaitForRequestsAsync(1))[0];
        var card = posted.Body!["attachments"]![0]!;
        var accept = card["content"]!["actions"]![0]!;
        var caseId = accept["data"]!["caseId"]!.GetValue<string>();
        var byPriya = await host.ExpectRepliesAsync(TeamsAccept(caseId, "29:priya", "Priya Shah"));
        var update = (await connector.WaitForRequestsAsync(2))[1];
        var bySam = await host.ExpectRepliesAsync(TeamsAccept(caseId, "29:sam", "Sam Lee"));
        var (live, _) = await customer.GetActivitiesAsync(conversationId, token, null);

        Assert.Equal("POST", posted.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(AgentsChannel)}/activities", posted.RawPath);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        var facts = card["content"]!["body"]![2]!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        Assert.Equal("my parcel never arrived, order 48213", facts["In their words"]);
        Assert.Matches(@"^(calm|mild|upset|furious|positive)( → (calm|mild|upset|furious|positive))*; trend: (improving|steady|worsening)$", facts["Feeling"]);
        Assert.Equal("Accept", accept["title"]!.GetValue<string>());
        Assert.Equal("supportbot.accept", accept["data"]!["action"]!.GetValue<string>());
        Assert.StartsWith("Priya Shah, Dana's case is yours", Assert.Single(byPriya).Text, StringComparison.Ordinal);
        Assert.Equal("PUT", update.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(AgentsChannel)}/activities/reply-1", update.RawPath);
        Assert.Equal("Taken by Priya Shah.", update.Body!["attachments"]![0]!["content"]!["body"]![1]!["text"]!.GetValue<string>());
        Assert.Null(update.Body!["attachments"]![0]!["content"]!["actions"]);
        Assert.Equal("Priya Shah took Dana's case first.", Assert.Single(bySam).Text);
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, DirectLineClient.BotTexts(live)[^1]);
        Assert.Contains("Priya Shah", DirectLineClient.BotTexts(live)[^1], StringComparison.Ordinal);
        var deskCase = await host.App.Services.GetRequiredService<HandoffDesk>().GetAsync(caseId, CancellationToken.None);
        Assert.Equal("Priya Shah", deskCase!.AgentName);
    }

    [Fact]
    public async Task TeamsAccept_FromAnotherConversation_IsAnOrdinaryMessage()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Handoff:TeamsChannel:ServiceUrl"] = connector.ServiceUrl,
            ["Handoff:TeamsChannel:ConversationId"] = AgentsChannel,
        });

        var replies = await host.ExpectRepliesAsync(TeamsAccept("case-x", "29:mallory", "Mallory", conversationId: "19:somewhere-else@thread.tacv2"));

        host.Wording.AssertIs(SupportPrompts.Welcome, replies[0].Text);
    }

    [Fact]
    public async Task MoneyRemedy_AmountsKeepTheirCurrency_OnTheCardAndInTheConsole()
    {
        await using var connector = await FakeConnector.StartAsync();
        var settings = AgentClient.Accounts();
        settings["Handoff:TeamsChannel:ServiceUrl"] = connector.ServiceUrl;
        settings["Handoff:TeamsChannel:ConversationId"] = AgentsChannel;
        await using var host = await BotHost.StartAsync(settings: settings);
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Priya");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "the box was crushed and the lamp inside is smashed, and I paid a £12 express delivery charge for it");
        var (told, _) = await customer.GetActivitiesAsync(conversationId, token, null);
        if (told[^1]?["suggestedActions"] is not null)
        {
            // The reader may be unsure between damaged and delivery: the customer picks it, as she would.
            await customer.PostMessageAsync(conversationId, token, "Damaged or defective product");
        }

        foreach (var text in new[] { "I don't know", "nothing yet", "no", "a full refund", "89 pounds", "that's right" })
        {
            await customer.PostMessageAsync(conversationId, token, text);
        }

        var card = (await connector.WaitForRequestsAsync(1))[0].Body!["attachments"]![0]!["content"]!;
        var facts = card["body"]![2]!["facts"]!.AsArray().ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());
        var row = Assert.Single(await alex.CasesAsync())!;
        var summary = (await alex.CaseAsync(row["caseId"]!.GetValue<string>()))["summary"]!;

        Assert.Equal("a full refund (£89.00)", facts["Remedy wanted"]);
        Assert.Equal("£89.00 (lamp)", facts["Amount"]);
        Assert.Equal("£12.00 express delivery charge", facts["Other amounts"]);
        Assert.Equal("the amount is in GBP, and the automatic limit is $75.00", facts["Needs approval because"]);
        Assert.Equal("a full refund (£89.00)", row["remedyWanted"]!.GetValue<string>());
        Assert.Equal("£89.00", summary["remedyAmountText"]!.GetValue<string>());
        Assert.Equal("£89.00 (lamp)", summary["amountText"]!.GetValue<string>());
        Assert.Equal("£12.00 express delivery charge", summary["otherAmounts"]![0]!.GetValue<string>());
        Assert.Equal(facts["Feeling"], summary["feelingLine"]!.GetValue<string>());
        Assert.StartsWith(summary["moods"]![0]!["feeling"]!.GetValue<string>() + " → ", facts["Feeling"], StringComparison.Ordinal);
    }

    private static JsonObject TeamsAccept(string caseId, string userId, string name, string conversationId = AgentsChannel + ";messageid=1700000000000") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["deliveryMode"] = "expectReplies",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = name, ["aadObjectId"] = "aad-" + userId },
        ["recipient"] = new JsonObject { ["id"] = "28:supportbot", ["name"] = "SupportBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = true, ["conversationType"] = "channel" },
        ["value"] = new JsonObject { ["action"] = "supportbot.accept", ["caseId"] = caseId },
    };
}
