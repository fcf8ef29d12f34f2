using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>The real Web Chat widget on SupportBot's page, read and driven the way a customer uses it.</summary>
public sealed class WebChatPage(IPage page)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public IPage Page => page;

    /// <summary>The send box: the text field Web Chat labels for screen readers.</summary>
    public ILocator SendBox => page.Locator("[data-id='webchat-sendbox-input']");

    /// <summary>The bot's messages, in order.</summary>
    public ILocator BotMessages => page.Locator(".webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content");

    /// <summary>The customer's own messages, in order.</summary>
    public ILocator UserMessages => page.Locator(".webchat__stacked-layout--from-user .webchat__bubble__content");

    /// <summary>The activity (its bubble, avatar and status line) whose text contains <paramref name="text"/>.</summary>
    public ILocator Activity(string text) => page.Locator(".webchat__stacked-layout").Filter(new() { HasText = text });

    /// <summary>Waits until the bot has sent <paramref name="count"/> messages and returns their texts.</summary>
    public async Task<IReadOnlyList<string>> WaitForBotMessagesAsync(int count)
    {
        await Expect(BotMessages).ToHaveCountAsync(count, new() { Timeout = (float)Patience.TotalMilliseconds });
        return [.. (await BotMessages.AllInnerTextsAsync()).Select(Plain)];
    }

    /// <summary>A message's text as the bot wrote it: Web Chat's Markdown turns ' and " into typographic quotes.</summary>
    public static string Plain(string rendered) => rendered.Trim().Replace('\u2019', '\'').Replace('\u201C', '"').Replace('\u201D', '"');

    /// <summary>Types a message in the send box and presses Enter, as a customer does.</summary>
    public async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
    }

    /// <summary>Clicks a suggested action button by its title.</summary>
    public Task ClickSuggestedAsync(string title) =>
        page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).ClickAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
}
