using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Core.Support;
using SupportBot.Web.DirectLine;
using SupportBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// The real Web Chat bundle, served by SupportBot at <c>/</c>, in headless Chromium, against the built-in Direct Line:
/// a customer types, clicks suggested actions, reloads, and a second customer never sees the first one's chat.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatWidgetTests(BrowserFixture browser)
{
    private const string Complaint = "My parcel never arrived, order 48213, I ordered it two weeks ago for $60";

    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Widget_CustomerCompletesTheWholeSupportConversation(string transport)
    {
        // The orders system books the replacement when asked, so the bot can say it is booked.
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Fulfilment:Webhooks:orders:Url"] = business.Url("orders"),
            ["Fulfilment:Webhooks:orders:Secret"] = "orders-webhook-secret-7f3a9c",
        });
        await using var context = await browser.Browser.NewContextAsync();
        var sockets = 0;
        context.Page += (_, opened) => opened.WebSocket += (_, _) => sockets++;
        var chat = await OpenAsync(context, host, $"/?name=Dana&transport={transport}");

        var greeting = await chat.WaitForBotMessagesAsync(1);
        await chat.SayAsync(Complaint);
        var acknowledged = await chat.WaitForBotMessagesAsync(3);
        await chat.SayAsync("I emailed twice already");
        var anythingElse = await chat.WaitForBotMessagesAsync(4);
        await chat.SayAsync("no");
        var offer = await chat.WaitForBotMessagesAsync(5);
        await chat.ClickSuggestedAsync("A replacement sent by express delivery, at no cost");
        var granted = await chat.WaitForBotMessagesAsync(7);
        await chat.ClickSuggestedAsync("Yes");
        await chat.WaitForBotMessagesAsync(8);
        await chat.ClickSuggestedAsync("5");
        var thanks = await chat.WaitForBotMessagesAsync(9);

        host.Wording.AssertIs(SupportPrompts.Welcome, greeting[0]);
        Assert.Contains("Dana", greeting[0], StringComparison.Ordinal);
        host.Wording.AssertIsAny("empathy.", acknowledged[1]);
        host.Wording.AssertIs(SupportPrompts.AskAnythingElse, anythingElse[3]);
        host.Wording.AssertIs(SupportPrompts.OfferRemedies, offer[4]);
        Assert.StartsWith("Your express replacement is booked at no cost", granted[5], StringComparison.Ordinal);
        Assert.Single(business.Requests);
        host.Wording.AssertIs(SupportPrompts.Thanks, thanks[8]);
        Assert.Contains("Dana", thanks[8], StringComparison.Ordinal);
        Assert.Equal([Complaint, "I emailed twice already", "no", "A replacement sent by express delivery, at no cost", "Yes", "5"], await UserTextsAsync(chat));
        Assert.Equal(transport == "websocket" ? 1 : 0, sockets);
    }

    [Fact]
    public async Task Widget_Reload_ResumesTheSameConversationWithItsHistoryOnce()
    {
        await using var host = await BotHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var chat = await OpenAsync(context, host, "/?name=Dana");
        await chat.WaitForBotMessagesAsync(1);
        await chat.SayAsync(Complaint);
        var before = await chat.WaitForBotMessagesAsync(3);

        await chat.Page.ReloadAsync();
        var history = await chat.WaitForBotMessagesAsync(3);
        await Expect(chat.UserMessages).ToHaveCountAsync(1);
        await chat.SayAsync("I emailed twice already");
        var after = await chat.WaitForBotMessagesAsync(4);

        Assert.Equal(before, history);
        host.Wording.AssertIs(SupportPrompts.AskAnythingElse, after[3]);
        Assert.Equal([Complaint, "I emailed twice already"], await UserTextsAsync(chat));
    }

    [Fact]
    public async Task Widget_TwoCustomersInTwoTabs_EachSeesOnlyTheirOwnConversation()
    {
        await using var host = await BotHost.StartAsync();
        await using var first = await browser.Browser.NewContextAsync();
        await using var second = await browser.Browser.NewContextAsync();
        var dana = await OpenAsync(first, host, "/?name=Dana");
        var ben = await OpenAsync(second, host, "/?name=Ben");
        var danaGreeting = await dana.WaitForBotMessagesAsync(1);
        var benGreeting = await ben.WaitForBotMessagesAsync(1);
        await dana.SayAsync("the charge on my card ending 4242 is wrong");
        await dana.WaitForBotMessagesAsync(3);
        await ben.SayAsync("my login does not work");
        var benReplies = await ben.WaitForBotMessagesAsync(3);

        Assert.Contains("Dana", danaGreeting[0], StringComparison.Ordinal);
        Assert.Contains("Ben", benGreeting[0], StringComparison.Ordinal);
        Assert.Equal(["my login does not work"], await UserTextsAsync(ben));
        Assert.DoesNotContain(benReplies, text => text.Contains("Dana", StringComparison.Ordinal));
        Assert.Equal(["the charge on my card ending 4242 is wrong"], await UserTextsAsync(dana));
    }

    [Fact]
    public async Task Widget_KeyboardAndScreenReader_SendBoxIsLabelledAndEnterSends()
    {
        await using var host = await BotHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var chat = await OpenAsync(context, host, "/?name=Dana");
        var page = chat.Page;
        await chat.WaitForBotMessagesAsync(1);

        var label = await chat.SendBox.GetAttributeAsync("aria-label");
        await chat.SendBox.FocusAsync();
        await page.Keyboard.TypeAsync("my order is late");
        await page.Keyboard.PressAsync("Enter");
        await chat.WaitForBotMessagesAsync(3);

        Assert.False(string.IsNullOrWhiteSpace(label));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SupportBot" })).ToBeVisibleAsync();
        await Expect(page.Locator("script[src*='cdn'], script[src^='https://']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Widget_EmbeddedOnAnotherSite_OpensFromTheBubbleWhenItsOriginIsAllowed()
    {
        await using var shop = await StaticSite.StartAsync();
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["Widget:AllowedOrigins:0"] = shop.Origin });
        await using var refused = await BotHost.StartAsync();
        shop.Html = $"""
            <!DOCTYPE html><html lang="en"><head><title>Shop</title></head><body><h1>Our shop</h1>
            <script src="{host.BaseAddress}widget/embed.js" data-name="Dana" async></script></body></html>
            """;
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var chat = new WebChatPage(page);

        await page.GotoAsync(shop.Origin + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var greeting = await chat.WaitForBotMessagesAsync(1);
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Customer support chat" })).ToBeVisibleAsync();

        shop.Html = shop.Html.Replace(host.BaseAddress.ToString(), refused.BaseAddress.ToString(), StringComparison.Ordinal);
        var other = await context.NewPageAsync();
        await other.GotoAsync(shop.Origin + "/");
        await other.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();

        Assert.Contains("Dana", greeting[0], StringComparison.Ordinal);
        await Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("unavailable");
        Assert.Equal(0, refused.App.Services.GetRequiredService<DirectLineHub>().OpenStreams);
    }

    [Fact]
    public async Task Widget_TooManyChatsFromOneAddress_SaysWhyAndWhenToComeBack()
    {
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string> { ["DirectLine:AnonymousPerAddressPerHour"] = "1" });
        await using var first = await browser.Browser.NewContextAsync();
        var chat = await OpenAsync(first, host, "/?name=Dana");
        await chat.WaitForBotMessagesAsync(1);

        await using var second = await browser.Browser.NewContextAsync();
        var refused = await OpenAsync(second, host, "/?name=Ben");

        await Expect(refused.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many chats were started from your network this hour. Please try again in ");
        await Expect(refused.Page.GetByRole(AriaRole.Heading, new() { Name = "SupportBot" })).ToBeVisibleAsync();
    }

    private static async Task<WebChatPage> OpenAsync(IBrowserContext context, BotHost host, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        return new WebChatPage(page);
    }

    private static async Task<List<string>> UserTextsAsync(WebChatPage chat) =>
        [.. (await chat.UserMessages.AllInnerTextsAsync()).Select(t => t.Trim())];
}
