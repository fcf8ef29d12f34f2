using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportBot.Web.Hosting;
using SupportBot.Web.Tests.Infrastructure;
using SupportBot.Web.Tests.Insight;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// The admin's dashboard in a real Chromium: three conversations held through <c>/api/messages</c> (contained and
/// rated, handed off and accepted, left after the complaint) are what its Chart.js charts draw, read back from the
/// Chart instances; a bar opens the conversations behind it in the review, where the customer's turns carry their
/// feeling bands. Screenshots at 1280×800 and on a phone go to <c>tests/.results/screenshots</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminDashboardTests(BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    // On a busy machine a page's load event can take long; the address changing is what these waits are for.
    // The address is polled, never a load state: a page that already moved on can miss its load event.
    private static readonly PageAssertionsToHaveURLOptions Moved = new() { Timeout = 60_000 };

    // Every chart drawn as wide as the box it sits in (Chart.js resizes them after the page's width changes).
    private const string ChartsFitTheirBoxes = """
        () => [...document.querySelectorAll('canvas[data-chart]')].every(canvas => {
          const chart = Chart.getChart(canvas);
          return chart && Math.abs(chart.width - canvas.parentElement.clientWidth) <= 1;
        })
        """;

    [Fact]
    public async Task Dashboard_ConversationsHeldThroughTheApi_AreWhatItsChartsDraw()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: HeldConversations.Settings(business));
        await HeldConversations.HoldAsync(host, connector);
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} {response.Url}");
            }
        };

        await SignInAsync(page, host, "ada");
        errors.Clear(); // the sign-in page's own (its missing icon) are not the dashboard's
        await page.GotoAsync(new Uri(host.BaseAddress, "/admin/dashboard").ToString());
        await Expect(page.Locator("body[data-drawn=true]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var containment = await ChartAsync(page, "containment");
        var ratings = await ChartAsync(page, "ratings");
        var reasons = await ChartAsync(page, "reasons");
        var feeling = await ChartAsync(page, "feeling");
        var wait = await ChartAsync(page, "wait");
        var remedies = await ChartAsync(page, "remedies");
        var cost = await ChartAsync(page, "cost");
        var volume = await ChartAsync(page, "volume");
        var dropoff = await ChartAsync(page, "dropoff");
        await Screenshot(page, "dashboard-1280x800.png");
        await page.SetViewportSizeAsync(390, 844);
        // Chart.js fits its canvases to the narrower page later (a ResizeObserver, then an animation frame); until then
        // they keep their desktop width.
        await page.WaitForFunctionAsync(ChartsFitTheirBoxes, null, new() { Timeout = 20_000 });
        await Screenshot(page, "dashboard-phone.png");
        var scrollsSideways = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.Equal(["Resolved without a person", "Handed to a person", "Open or left"], containment.Labels);
        Assert.Equal([1.0, 1, 1], containment.Data[0]);
        Assert.Equal([0.0, 0, 0, 0, 1], ratings.Data[0]);
        Assert.Equal(["Customer asked"], reasons.Labels);
        Assert.Equal([1.0], reasons.Data[0]);
        Assert.Equal(3, feeling.Data[0].Sum());
        Assert.Equal(1, wait.Data[0].Sum());
        Assert.Equal(["a full refund"], remedies.Labels);
        Assert.Equal(["USD"], cost.Labels);
        Assert.Equal([42.5], cost.Data[0]);
        Assert.Equal(3, volume.Data[0].Sum());
        Assert.Equal(1, volume.Data[1].Sum());
        Assert.Equal(1, dropoff.Data[0].Sum());
        Assert.StartsWith("Clarify: ", dropoff.Labels[0], StringComparison.Ordinal);
        await Expect(page.Locator("#prompts tbody tr").First).ToBeVisibleAsync();
        Assert.False(scrollsSideways, "At phone width the dashboard should not scroll sideways.");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Dashboard_ClickingABar_OpensItsConversationsWithTheirFeelingBands()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: HeldConversations.Settings(business));
        await HeldConversations.HoldAsync(host, connector);
        await using var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await SignInAsync(page, host, "ada");
        await page.GotoAsync(new Uri(host.BaseAddress, "/admin/dashboard").ToString());
        await Expect(page.Locator("body[data-drawn=true]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // The "Handed to a person" bar of the containment chart, clicked where Chart.js drew it.
        var point = await page.EvaluateAsync<JsonElement>("""
            (() => {
              const canvas = document.querySelector('canvas[data-chart=containment]');
              const arc = Chart.getChart(canvas).getDatasetMeta(0).data[1].tooltipPosition();
              const box = canvas.getBoundingClientRect();
              return { x: box.left + arc.x, y: box.top + arc.y };
            })()
            """);
        await page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
        await Expect(page).ToHaveURLAsync(new Regex("^(?=.*/admin/review)(?=.*outcome=handoff)"), Moved);
        await Expect(page.Locator("body[data-found='1']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        var customerLines = page.Locator("#transcript li.customer");
        await Expect(customerLines.Filter(new() { HasText = "my parcel never arrived, order 48213" })).ToBeVisibleAsync(Soon);
        var band = await customerLines.Filter(new() { HasText = "my parcel never arrived, order 48213" }).Locator(".band").TextContentAsync();
        await Screenshot(page, "review-1280x800.png");

        Assert.Contains(band, new[] { "calm", "mild", "upset", "furious", "positive" });
        await Expect(page.Locator("#facts")).ToContainTextAsync("CustomerAsked");
        await Expect(page.Locator("#transcript li.colleague, #transcript li.bot").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_FromTheKeyboard_FiltersAndOpensATableLinkToTheReview()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: HeldConversations.Settings(business));
        await HeldConversations.HoldAsync(host, connector);
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, host, "ada");
        await page.GotoAsync(new Uri(host.BaseAddress, "/admin/dashboard").ToString());
        await Expect(page.Locator("body[data-drawn=true]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        await page.GetByLabel("Category").FocusAsync();
        await page.GetByLabel("Category").SelectOptionAsync("billing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("1 conversation from", new() { Timeout = 20_000 });
        var ratings = page.Locator("section.chart").Filter(new() { HasText = "Satisfaction ratings" });
        await ratings.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var link = ratings.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true });
        await link.FocusAsync();
        var href = await link.GetAttributeAsync("href");
        Assert.Contains("category=billing", href, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("^(?=.*rating=5)(?=.*category=billing)"), Moved);
        await Expect(page.Locator("body[data-found='1']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
    }

    private static async Task SignInAsync(IPage page, BotHost host, string login)
    {
        await page.GotoAsync(new Uri(host.BaseAddress, "/agent/signin").ToString());
        await page.GetByLabel("Sign-in name").FillAsync(login);
        await page.GetByLabel("Password").FillAsync(AgentClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/signin"), Moved);
    }

    /// <summary>What the Chart instance on the canvas of <paramref name="id"/> draws: its labels and each dataset's values.</summary>
    private static async Task<(List<string> Labels, List<List<double>> Data)> ChartAsync(IPage page, string id)
    {
        var data = await page.EvaluateAsync<JsonElement>($"(() => {{ const c = Chart.getChart(document.querySelector('canvas[data-chart={id}]')); return {{ labels: c.data.labels, data: c.data.datasets.map(d => d.data) }}; }})()");
        return (
            [.. data.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)],
            [.. data.GetProperty("data").EnumerateArray().Select(d => d.EnumerateArray().Select(v => v.GetDouble()).ToList())]);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(AppRoot.Find(), "tests", ".results", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
