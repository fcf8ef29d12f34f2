using Microsoft.Playwright;
using SupportBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// A customer locked out of the very Gmail account a reset link would go to, in the real Web Chat, and an agent in the
/// console: no link is offered, a colleague's task appears in the console's actions beside the queue, the agent marks
/// it done there, and the customer reads it in their chat, with the agent's name and reference.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ColleagueTaskConsoleTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 30_000 };

    [Fact]
    public async Task ColleagueTask_MarkedDoneInTheConsole_TheCustomerReadsItInWebChat()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        await using var agentContext = await browser.Browser.NewContextAsync();
        await using var customerContext = await browser.Browser.NewContextAsync();
        var customer = new WebChatPage(await customerContext.NewPageAsync());
        await customer.Page.GotoAsync(new Uri(host.BaseAddress, "/?name=Sam").ToString());
        await customer.WaitForBotMessagesAsync(1);

        await customer.SayAsync("I can't get into my Gmail account, it keeps saying my password is wrong");
        await Expect(customer.Activity("Which email address or username")).ToBeVisibleAsync(Soon);
        await customer.SayAsync("sam.okoro@gmail.com");
        await Expect(customer.Activity("tried")).ToBeVisibleAsync(Soon);
        await customer.SayAsync("I tried the password reset twice");
        await Expect(customer.Activity("anything else about this")).ToBeVisibleAsync(Soon);
        await customer.SayAsync("no");
        var suggested = customer.Page.Locator(".webchat__suggested-actions");
        await Expect(suggested).ToContainTextAsync("A colleague to check it's you and restore your access", new() { Timeout = 30_000 });
        var offered = await suggested.InnerTextAsync();
        await customer.ClickSuggestedAsync("A colleague to check it's you and restore your access");
        await Expect(customer.Activity("a colleague from our accounts team to check")).ToBeVisibleAsync(Soon);

        var agent = await agentContext.NewPageAsync();
        await agent.GotoAsync(new Uri(host.BaseAddress, "/agent").ToString());
        await agent.GetByLabel("Sign-in name").FillAsync("alex");
        await agent.GetByLabel("Password").FillAsync(AgentClient.Password);
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var task = agent.Locator("#tasks button").Filter(new() { HasText = "Sam" });
        await Expect(task).ToContainTextAsync("a colleague to check it's you and restore your access", new() { Timeout = 30_000 });
        await Expect(task).ToContainTextAsync("colleague");
        await task.ClickAsync();
        await Expect(agent.Locator("#detail")).ToContainTextAsync("carried out by a colleague");
        await agent.GetByPlaceholder("Reference (optional)").FillAsync("ID-7781");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        var done = customer.Activity("Your access is restored");
        await Expect(done).ToBeVisibleAsync(Soon);
        await Expect(done).ToContainTextAsync("Your reference is ID-7781. Alex Morgan from our team took care of it.");
        await Expect(agent.GetByText("No colleague tasks or pending actions.")).ToBeVisibleAsync(Soon);
        Assert.DoesNotContain("reset your password", offered, StringComparison.OrdinalIgnoreCase);
    }
}
