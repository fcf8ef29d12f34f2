using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Core.Support;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// An admin in the studio at /admin, in real Chromium: a greeting changed with a mistake (shown as they type, and
/// nothing saved), fixed, previewed in Web Chat, published and heard by a customer in Web Chat, then rolled back; a
/// save refused with a diff because the file was edited by hand meanwhile; a message tried; a change saved to the
/// draft, heard in the test chat but not by customers until it is published. Screenshots go to tests/.results/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminStudioTests(BrowserFixture browser)
{
    private const string Greeting = "Hi {name}, thanks for reaching out. What went wrong?";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonText = new() { Timeout = 60_000 };

    [Fact]
    public async Task Studio_GreetingChangedWithAMistakeThenFixed_ErrorShownNothingSavedThenLiveInWebChatAndRolledBack()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var file = Path.Combine(prompts.Path, "greeting.yaml");
        prompts.ReplacePrompt(SupportPrompts.Welcome, Greeting);
        var original = await File.ReadAllTextAsync(file);
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await SignInAsync(context, host, "/admin");
        await OpenVariantAsync(page, "greeting", "test-greeting-welcome-1");
        var wording = page.GetByLabel("Wording");

        await wording.FillAsync("Sorry. Hey {nmae}, what went wrong?");
        await Expect(page.Locator("#check")).ToContainTextAsync("Unknown variable '{nmae}'", SoonText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator("#save-status")).ToContainTextAsync("Nothing was saved", SoonText);
        await Expect(page.Locator("#check")).ToContainTextAsync("Unknown variable '{nmae}'", SoonText);
        var afterRefusal = await File.ReadAllTextAsync(file);
        await wording.FillAsync("Sorry. Hey {name}, what went wrong?");
        await Expect(page.Locator("#check")).ToContainTextAsync("apologizes without saying what for", SoonText);
        await wording.FillAsync("Hey {name}, the studio changed this greeting. What happened?");
        await Expect(page.Locator("#check")).ToContainTextAsync("Passes every check", SoonText);
        await Expect(page.Locator("#preview-chat .webchat__bubble__content").Last).ToContainTextAsync("Hey Dana, the studio changed this greeting. What happened?", SoonText);
        await Expect(page.Locator("#preview-chat .webchat__bubble__content")).ToHaveCountAsync(1); // one line, updated in place as it was typed
        await ScreenshotAsync(page, "studio-prompt-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator("#save-status")).ToContainTextAsync("Saved and live", SoonText);
        var published = await File.ReadAllTextAsync(file);

        await using var customerContext = await browser.Browser.NewContextAsync();
        var customer = new WebChatPage(await customerContext.NewPageAsync());
        await customer.Page.GotoAsync(new Uri(host.BaseAddress, "/?name=Dana").ToString());
        var greeted = await customer.WaitForBotMessagesAsync(1);

        var rollBack = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Roll back greeting.welcome") });
        await Expect(rollBack).ToBeVisibleAsync(Soon);
        await ScreenshotAsync(page, "studio-prompt-history");
        await rollBack.ClickAsync();
        // The status already said "Saved and live" (the save's); the wording changes only once the roll-back is
        // reloaded, in the same step that writes the roll-back's own status.
        await Expect(wording).ToHaveValueAsync(Greeting, new() { Timeout = 60_000 });
        await Expect(page.Locator("#save-status")).ToContainTextAsync("Saved and live", SoonText);
        var afterRollBack = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));

        Assert.Equal(original, afterRefusal);
        Assert.Contains("text: \"Hey {name}, the studio changed this greeting. What happened?\"", published, StringComparison.Ordinal);
        Assert.Equal("Hey Dana, the studio changed this greeting. What happened?", greeted[0]);
        Assert.Equal(original, await File.ReadAllTextAsync(file));
        Assert.Equal("Hi Dana, thanks for reaching out. What went wrong?", Assert.Single(afterRollBack).Text);
    }

    [Fact]
    public async Task Studio_FileEditedByHandWhileOpen_SaveRefusedWithADiffThenSavedOnTheNewerVersion()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        var file = Path.Combine(prompts.Path, "greeting.yaml");
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await SignInAsync(context, host, "/admin/prompts");
        await OpenVariantAsync(page, "greeting", "welcome-1");
        var byHand = (await File.ReadAllTextAsync(file)).Replace("Good to see you again, {name}.", "Good to see you back, {name}.", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, byHand);

        await page.GetByLabel("Wording").FillAsync("Hey {name}, what's gone wrong?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator("#stale-message")).ToContainTextAsync("greeting.yaml changed since you opened it", SoonText);
        await Expect(page.Locator("#stale-diff .del")).ToContainTextAsync("Good to see you again, {name}.");
        await Expect(page.Locator("#stale-diff .add")).ToContainTextAsync("Good to see you back, {name}.");
        await ScreenshotAsync(page, "studio-stale-save");
        var whileRefused = await File.ReadAllTextAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the newer version" }).ClickAsync();
        await Expect(page.Locator("#save-status")).ToContainTextAsync("This is the newer version", SoonText);
        await Expect(page.GetByLabel("Wording")).ToHaveValueAsync("Hey {name}, what's gone wrong?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator("#save-status")).ToContainTextAsync("Saved and live", SoonText);

        Assert.Equal(byHand, whileRefused);
        var saved = await File.ReadAllTextAsync(file);
        Assert.Contains("Good to see you back, {name}.", saved, StringComparison.Ordinal);
        Assert.Contains("text: \"Hey {name}, what's gone wrong?\"", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Studio_TryAMessage_ShowsKindCategoryEntitiesFeelingTheEmpathyLineAndTheFirstQuestion()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await SignInAsync(context, host, "/admin/understanding");

        await page.GetByLabel("A customer writes").FillAsync("my parcel never arrived, order 48213, and I've waited since Monday!!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try it" }).ClickAsync();
        var reading = page.Locator("#reading");
        await Expect(reading).ToBeVisibleAsync(Soon);
        await ScreenshotAsync(page, "studio-try-a-message");

        await Expect(reading.Locator("[data-field=kind]")).ToHaveTextAsync("complaint");
        await Expect(reading.Locator("[data-field=category]")).ToContainTextAsync("(delivery)");
        await Expect(reading.Locator("[data-field=entities]")).ToContainTextAsync("48213");
        await Expect(reading.Locator("[data-field=entities]")).ToContainTextAsync("since Monday");
        await Expect(reading.Locator("[data-field=feeling] .band")).ToHaveTextAsync(new Regex("^(mild|upset|furious)$"));
        var said = await reading.Locator(".said").AllInnerTextsAsync();
        Assert.Equal(2, said.Count);
        host.Wording.AssertIsAny("empathy.", said[0]);
        Assert.False(host.Wording.MatchesAny("empathy.", said[1]), said[1]);
        await Expect(reading.Locator(".key").First).ToContainTextAsync("empathy.");
        await page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync(page, "studio-try-a-message-phone");
    }

    [Fact]
    public async Task Studio_GreetingSavedToTheDraft_TestChatUsesItCustomersDoNotUntilPublished()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        prompts.ReplacePrompt(SupportPrompts.Welcome, Greeting);
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await SignInAsync(context, host, "/admin/prompts");
        await OpenVariantAsync(page, "greeting", "test-greeting-welcome-1");

        // The line as it was passes too: the check of the new wording is known by its replacing that one.
        await Expect(page.Locator("#check")).ToContainTextAsync("Passes every check", SoonText);
        var checkedBefore = await page.Locator("#check p").ElementHandleAsync();
        await page.GetByLabel("Wording").FillAsync("Welcome, {name}! This is the draft greeting. What happened?");
        await checkedBefore.WaitForElementStateAsync(ElementState.Hidden, new() { Timeout = 60_000 });
        await Expect(page.Locator("#check")).ToContainTextAsync("Passes every check", SoonText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to draft" }).ClickAsync();
        await Expect(page.Locator("#save-status")).ToContainTextAsync("Saved to the draft", SoonText);
        await Expect(page.Locator("#draft-summary")).ToContainTextAsync("greeting.yaml", SoonText);
        var liveWhileDraft = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Try it in the test chat" }).ClickAsync();
        var botLines = page.Locator("#test-chat .webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content");
        await Expect(botLines).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        var greeted = (await botLines.AllInnerTextsAsync()).Select(WebChatPage.Plain).ToList();
        await Expect(page.Locator("#chat-source")).ToContainTextAsync("talks to the draft", SoonText);
        var sendBox = page.Locator("#test-chat [data-id='webchat-sendbox-input']");
        await sendBox.FillAsync("my parcel never arrived");
        await sendBox.PressAsync("Enter");
        await Expect(botLines).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var answered = (await botLines.AllInnerTextsAsync()).Select(WebChatPage.Plain).ToList();
        await ScreenshotAsync(page, "studio-test-chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the draft" }).ClickAsync();
        await Expect(page.Locator("#draft-status")).ToContainTextAsync("Published 1 file", SoonText);
        var liveAfter = await host.ExpectRepliesAsync(TestActivities.Message(TestActivities.NewConversationId(), "hi"));

        Assert.Equal("Hi Dana, thanks for reaching out. What went wrong?", Assert.Single(liveWhileDraft).Text);
        Assert.Equal("Welcome, Dana! This is the draft greeting. What happened?", greeted[0]);
        host.Wording.AssertIsAny("empathy.", answered[1]);
        Assert.Equal("Welcome, Dana! This is the draft greeting. What happened?", Assert.Single(liveAfter).Text);
        Assert.False(Directory.Exists(Path.Combine(host.DataDirectory, "studio-draft", "dialogs")));
    }

    [Fact]
    public async Task Studio_MisreadMessageAddedAsAnExampleAndARefundRuleTightened_SavedLiveWithThePastCaseShown()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        var conversation = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "I think I was charged twice for my last order", "$42.50", "last Tuesday", "nope", "refund" })
        {
            await host.ExpectRepliesAsync(TestActivities.Message(conversation, text));
        }

        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await SignInAsync(context, host, "/admin/understanding");
        const string Message = "the driver threw my box over the gate and it landed in the pond";
        // The categories offered for the example are those the section loaded: wait for them before trying.
        await Expect(page.Locator("#category-delivery")).ToBeVisibleAsync(Soon);

        await page.GetByLabel("A customer writes").FillAsync(Message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Try it" }).ClickAsync();
        await page.GetByLabel("Category for the example").SelectOptionAsync("delivery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add as an example" }).ClickAsync();
        await Expect(page.Locator("#example-status")).ToContainTextAsync("Saved and live", SoonText);
        await page.GetByRole(AriaRole.Link, new() { Name = "Remedies" }).ClickAsync();
        var refund = page.Locator("#remedy-refund");
        await refund.GetByLabel("Automatic up to").FillAsync("40");
        await refund.GetByRole(AriaRole.Button, new() { Name = "Which past cases would change?" }).ClickAsync();
        await Expect(refund.Locator("[data-impact=to-person]")).ToHaveTextAsync("1 would now go to a person.", new() { Timeout = 60_000 });
        await Expect(refund.Locator("table.affected")).ToContainTextAsync("$42.50");
        await ScreenshotAsync(page, "studio-remedy-impact");
        await refund.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Expect(page.Locator("#remedy-refund [role=status]")).ToContainTextAsync("Saved and live", SoonText);

        Assert.Contains($"- \"{Message}\"", await File.ReadAllTextAsync(Path.Combine(prompts.Path, "catalog", "examples.yaml")), StringComparison.Ordinal);
        Assert.Equal(40m, host.App.Services.GetRequiredService<SupportCatalogSource>().Current.Remedies["refund"].Approval.AutoUpTo);
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, BotHost host, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        await page.GetByLabel("Sign-in name").FillAsync("ada");
        await page.GetByLabel("Password").FillAsync(AgentClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SupportBot · Admin studio" })).ToBeVisibleAsync(Soon);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        return page;
    }

    private static async Task OpenVariantAsync(IPage page, string step, string id)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Prompts" }).ClickAsync();
        await page.GetByLabel("Step").SelectOptionAsync(step);
        await page.Locator("button.variant").Filter(new() { HasText = id }).First.ClickAsync();
        await Expect(page.Locator("#editor-title")).ToContainTextAsync(id, SoonText);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppRoot.Find(), "tests", ".results", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static Dictionary<string, string> Settings(PromptFolder prompts)
    {
        var settings = AgentClient.Accounts();
        settings["Prompts:Directory"] = prompts.Path;
        return settings;
    }
}
