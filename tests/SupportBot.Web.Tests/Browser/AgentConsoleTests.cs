using Microsoft.Playwright;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// A customer in the real Web Chat and an agent in the console, in two browser contexts: handoff, the case appearing
/// live in the queue, accept, messages both ways, hand back with a recap, and the bot closing the case.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentConsoleTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task Handoff_AgentTakesOverLiveInTheConsole_ThenHandsBackAndTheBotCloses()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        await using var agentContext = await browser.Browser.NewContextAsync();
        await using var customerContext = await browser.Browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.GotoAsync(new Uri(host.BaseAddress, "/agent").ToString());
        await agent.GetByLabel("Sign-in name").FillAsync("alex");
        await agent.GetByLabel("Password").FillAsync(AgentClient.Password);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(agent.GetByText("No open cases.")).ToBeVisibleAsync(Soon);

        var customer = new WebChatPage(await customerContext.NewPageAsync());
        await customer.Page.GotoAsync(new Uri(host.BaseAddress, "/?name=Dana").ToString());
        await customer.WaitForBotMessagesAsync(1);
        await customer.SayAsync("my parcel never arrived, order 48213");
        await customer.WaitForBotMessagesAsync(3);
        await customer.SayAsync("I'd like to talk to a person please");
        var review = await customer.WaitForBotMessagesAsync(4);
        await customer.SayAsync("that's right");
        var handedOver = await customer.WaitForBotMessagesAsync(6);

        // The case arrives in the queue without a reload; the brief shows the customer's own words.
        var queued = agent.GetByRole(AriaRole.Option).Filter(new() { HasText = "Dana" });
        await Expect(queued).ToBeVisibleAsync(Soon);
        await queued.ClickAsync();
        await Expect(agent.Locator("#detail")).ToContainTextAsync("my parcel never arrived, order 48213");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        var joined = await customer.WaitForBotMessagesAsync(7);

        await agent.GetByLabel("Message to Dana").FillAsync("Hi Dana, I'm Alex. I've found order 48213.");
        await agent.GetByLabel("Message to Dana").PressAsync("Enter");
        var fromAgent = await customer.WaitForBotMessagesAsync(8);
        await customer.SayAsync("thank you, it was a birthday present");
        await Expect(agent.GetByRole(AriaRole.Log)).ToContainTextAsync("it was a birthday present", new() { Timeout = 20_000 });

        await agent.GetByLabel("Recap for the bot").FillAsync("I've sent a replacement by express delivery; it arrives on Friday.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Hand back to the bot" }).ClickAsync();
        var back = await customer.WaitForBotMessagesAsync(10);
        await customer.ClickSuggestedAsync("Yes");
        await customer.WaitForBotMessagesAsync(11);
        await customer.ClickSuggestedAsync("5");
        var thanks = await customer.WaitForBotMessagesAsync(12);

        host.Wording.AssertIs(HandoffPrompts.ReviewBrief, review[3]);
        host.Wording.AssertIs(HandoffPrompts.Handoff(HandoffReason.CustomerAsked), handedOver[4]);
        host.Wording.AssertIs(HandoffPrompts.Queue, handedOver[5]);
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, joined[6]);
        Assert.Contains("Alex Morgan", joined[6], StringComparison.Ordinal);
        Assert.Equal("Hi Dana, I'm Alex. I've found order 48213.", fromAgent[7]);
        host.Wording.AssertIs(HandoffPrompts.HandedBack, back[8]);
        Assert.Contains("it arrives on Friday", back[8], StringComparison.Ordinal);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, back[9]);
        host.Wording.AssertIs(SupportPrompts.Thanks, thanks[11]);
        await Expect(agent.GetByText("No open cases.")).ToBeVisibleAsync(Soon);
    }
}
