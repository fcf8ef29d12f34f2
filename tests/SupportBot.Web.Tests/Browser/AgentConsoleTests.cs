using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// A customer in the real Web Chat and an agent in the console, in two browser contexts: handoff, the case appearing
/// live in the queue, accept, messages both ways (the customer sees the colleague's initials and name, not the bot's
/// avatar), hand back with a recap, and the bot closing the case.
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
        await Expect(agent.Locator("#initials")).ToHaveTextAsync("AM");
        await Expect(agent.Locator("#me")).ToHaveTextAsync("Alex Morgan");

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
        // The feeling row names the band of each of the customer's turns and the trend, labelled.
        await Expect(agent.Locator("#detail .feelings .band").First).ToHaveTextAsync(new Regex("^(calm|mild|upset|furious|positive)$"));
        await Expect(agent.Locator("#detail .feelings")).ToContainTextAsync("trend: ");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        var joined = await customer.WaitForBotMessagesAsync(7);

        await agent.GetByLabel("Message to Dana").FillAsync("Hi Dana, I'm Alex. I've found order 48213.");
        await agent.GetByLabel("Message to Dana").PressAsync("Enter");
        var fromAgent = await customer.WaitForBotMessagesAsync(8);
        var agentLine = customer.Activity("found order 48213");
        await Expect(agentLine.Locator(".supportbot-agent-avatar")).ToHaveTextAsync("AM", new() { Timeout = 20_000 });
        await Expect(agentLine.Locator(".webchat__stacked-layout__status")).ToContainTextAsync("Alex Morgan");
        var agentAvatarsBeside = await agentLine.Locator(".webchat__defaultAvatar").CountAsync();
        await customer.SayAsync("thank you, it was a birthday present");
        await Expect(agent.GetByRole(AriaRole.Log)).ToContainTextAsync("it was a birthday present", new() { Timeout = 20_000 });

        await agent.GetByLabel("Recap for the bot").FillAsync("I've sent a replacement by express delivery; it arrives on Friday.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Hand back to the bot" }).ClickAsync();
        var back = await customer.WaitForBotMessagesAsync(10);
        var botLine = customer.Activity("arrives on Friday");
        await Expect(botLine.Locator(".webchat__defaultAvatar")).ToContainTextAsync("SB", new() { Timeout = 20_000 });
        var agentAvatarsOnBotLine = await botLine.Locator(".supportbot-agent-avatar").CountAsync();
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
        Assert.Equal(0, agentAvatarsBeside); // straight after the bot's "has joined", yet under Alex's own avatar
        Assert.Equal(0, agentAvatarsOnBotLine);
        host.Wording.AssertIs(HandoffPrompts.HandedBack, back[8]);
        Assert.Contains("it arrives on Friday", back[8], StringComparison.Ordinal);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, back[9]);
        host.Wording.AssertIs(SupportPrompts.Thanks, thanks[11]);
        await Expect(agent.GetByText("No open cases.")).ToBeVisibleAsync(Soon);
    }

    [Fact]
    public async Task FirstRunAdmin_AcceptIsRefusedUntilTheConsoleHasTheirName_ThenTheCaseIsTheirs()
    {
        using var data = new TempDirectory();
        await using var host = await BotHost.StartAsync(data.Path);
        var password = host.App.Services.GetRequiredService<AgentDirectory>().GeneratedPassword!;
        await using var agentContext = await browser.Browser.NewContextAsync();
        var agent = await agentContext.NewPageAsync();
        await agent.GotoAsync(new Uri(host.BaseAddress, "/agent").ToString());
        await agent.GetByLabel("Sign-in name").FillAsync(AgentDirectory.FirstRunLogin);
        await agent.GetByLabel("Password").FillAsync(password);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(agent.GetByText("No open cases.")).ToBeVisibleAsync(Soon);
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var nameField = agent.GetByLabel("Customers see your name when you join their chat. What should it say?");
        await Expect(nameField).ToBeVisibleAsync(Soon);

        var queued = agent.GetByRole(AriaRole.Option).Filter(new() { HasText = "Dana" });
        await Expect(queued).ToBeVisibleAsync(Soon);
        await queued.ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(agent.Locator("#status")).ToContainTextAsync("Customers see your name", new() { Timeout = 20_000 });
        await nameField.FillAsync("Ada Okafor");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Expect(agent.Locator("#initials")).ToHaveTextAsync("AO", new() { Timeout = 20_000 });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Expect(agent.GetByLabel("Message to Dana")).ToBeVisibleAsync(Soon);
        await Expect(agent.Locator("#me")).ToHaveTextAsync("Ada Okafor");
        await Expect(nameField).ToBeHiddenAsync();
        await Expect(agent.Locator("#transcript")).ToContainTextAsync("Ada Okafor has joined", new() { Timeout = 20_000 });
    }
}
