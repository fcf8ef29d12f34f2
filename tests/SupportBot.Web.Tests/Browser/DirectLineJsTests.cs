using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Browser;

/// <summary>
/// The real botframework-directlinejs client (the library inside Web Chat, from npm) against the built-in endpoint,
/// in Chromium: start, post, receive over WebSocket or polling, resume with a watermark, and an expired token.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectLineJsTests(BrowserFixture browser)
{
    // Runs one DirectLine in the page; resolves when `botMessages` bot messages have arrived (or rejects after 15 s).
    private const string Converse = """
        async ({ domain, token, conversationId, watermark, webSocket, say, botMessages }) => {
          const { DirectLine, ConnectionStatus } = window.DirectLine;
          const options = { domain, token, webSocket, pollingInterval: 200 };
          if (conversationId) { options.conversationId = conversationId; options.watermark = watermark; }
          const dl = new DirectLine(options);
          const activities = [];
          const statuses = [];
          dl.connectionStatus$.subscribe(s => statuses.push(s));
          const fromBot = () => activities.filter(a => a.type === 'message' && a.from.role !== 'user').length;
          const until = n => new Promise(resolve => {
            const check = () => { if (fromBot() >= n) { resolve(); } };
            dl.activity$.subscribe(check);
            check();
          });
          dl.activity$.subscribe(a => activities.push(a));
          const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(
            'timed out; statuses ' + statuses.join(',') + '; got ' + JSON.stringify(activities.map(a => a.text)))), 15000));
          let postedId = null;
          const run = async () => {
            if (say) {
              await until(botMessages.before);
              postedId = await new Promise((resolve, reject) =>
                dl.postActivity({ type: 'message', from: { id: 'r_tester', name: 'Dana' }, text: say }).subscribe(resolve, reject));
            }
            await until(botMessages.after);
          };
          try {
            await Promise.race([run(), timeout]);
          } finally {
            dl.end();
          }
          return JSON.stringify({
            postedId, statuses,
            online: ConnectionStatus.Online,
            activities: activities.map(a => ({ id: a.id, type: a.type, text: a.text || null, role: a.from.role || null }))
          });
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DirectLineJs_StartPostReceive_EchoesWithTheIdPostReturned(bool webSocket)
    {
        await using var host = await BotHost.StartAsync();
        var (conversationId, token) = await new DirectLineClient(host).PageTokenAsync("Dana");
        var page = await OpenAsync(host);

        var result = await RunAsync(page, host, token, null, null, webSocket, "my parcel never arrived, order 48213", before: 1, after: 3);

        Assert.Contains(result.Online, result.Statuses);
        var echo = Assert.Single(result.Activities, a => a.Role == "user");
        Assert.Equal(result.PostedId, echo.Id);
        Assert.StartsWith(conversationId, echo.Id, StringComparison.Ordinal);
        var bot = result.Activities.Where(a => a.Role != "user").Select(a => a.Text!).ToList();
        host.Wording.AssertIs(SupportPrompts.Welcome, bot[0]);
        host.Wording.AssertIsAny("empathy.", bot[1]);
        Assert.Equal(result.Activities.Count, result.Activities.Select(a => a.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DirectLineJs_ResumeWithConversationIdAndWatermark0_ReplaysTheHistoryOnceThenContinues(bool webSocket)
    {
        await using var host = await BotHost.StartAsync();
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.PageTokenAsync("Dana");
        var page = await OpenAsync(host);
        await RunAsync(page, host, token, null, null, webSocket, "my parcel never arrived, order 48213, two weeks ago", before: 1, after: 3);
        var (history, _) = await client.GetActivitiesAsync(conversationId, token, null);

        var resumed = await RunAsync(page, host, token, conversationId, "0", webSocket, "I emailed twice already", before: 3, after: 4);

        Assert.Equal(
            [.. history.Select(a => a!["id"]!.GetValue<string>()), resumed.PostedId!],
            resumed.Activities.Where(a => a.Type == "message").Select(a => a.Id).Take(history.Count + 1));
        Assert.Equal(resumed.Activities.Count, resumed.Activities.Select(a => a.Id).Distinct().Count());
        host.Wording.AssertIs(SupportPrompts.AskAnythingElse, resumed.Activities.Last().Text!);
    }

    [Fact]
    public async Task DirectLineJs_ExpiredToken_ReportsExpiredTokenAndReceivesNothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await BotHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var (_, token) = await new DirectLineClient(host).PageTokenAsync("Dana");
        time.Advance(TimeSpan.FromHours(1));
        var page = await OpenAsync(host);

        var error = await Assert.ThrowsAsync<PlaywrightException>(() => RunAsync(page, host, token, null, null, webSocket: true, null, before: 0, after: 1));

        // directlinejs: 3 = ExpiredToken, 4 = FailedToConnect.
        Assert.Matches("statuses [0-9,]*[34]", error.Message);
    }

    private async Task<IPage> OpenAsync(BotHost host)
    {
        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/healthz").ToString());
        await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "directlinejs", "directline.js") });
        return page;
    }

    private static async Task<Conversation> RunAsync(IPage page, BotHost host, string token, string? conversationId, string? watermark, bool webSocket, string? say, int before, int after)
    {
        var json = await page.EvaluateAsync<string>(Converse, new
        {
            domain = new Uri(host.BaseAddress, "v3/directline").ToString(),
            token,
            conversationId,
            watermark,
            webSocket,
            say,
            botMessages = new { before, after },
        });
        return JsonSerializer.Deserialize<Conversation>(json, JsonSerializerOptions.Web)!;
    }

    private sealed record Conversation(string? PostedId, List<int> Statuses, int Online, List<Seen> Activities);

    private sealed record Seen(string Id, string Type, string? Text, string? Role);
}
