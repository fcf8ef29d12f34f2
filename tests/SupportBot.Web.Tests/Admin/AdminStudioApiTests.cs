using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Web.Admin;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Admin;

/// <summary>
/// The admin studio's API on the real app: who may use it, saves refused when the file changed since it was opened,
/// the history kept across a restart, "try a message", an example added, and an approval rule tightened.
/// </summary>
public sealed class AdminStudioApiTests
{
    private static readonly string[] Pages = ["/admin", "/admin/prompts", "/admin/understanding", "/admin/remedies", "/admin/test", "/admin/dashboard", "/admin/review", "/admin/assets/studio.js"];
    private static readonly string[] Apis = ["admin/api/me", "admin/api/prompts", "admin/api/history", "admin/api/understanding", "admin/api/remedies", "admin/api/draft", "admin/api/samples"];

    [Fact]
    public async Task AdminStudio_AgentAccount_Gets403OnEveryPageAndApi()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var agent = await StudioClient.SignInAsync(host, "alex");
        using var admin = await StudioClient.SignInAsync(host, "ada");

        var pages = new List<(string Path, HttpStatusCode Status)>();
        foreach (var page in Pages.Concat(Apis.Select(a => "/" + a)))
        {
            using var response = await agent.Http.GetAsync(new Uri(page.TrimStart('/'), UriKind.Relative));
            pages.Add((page, response.StatusCode));
        }

        var (save, _) = await agent.PostAsync("prompts/save", new { file = "greeting.yaml", key = "greeting.welcome", id = "welcome-1", text = "Hi {name}", @base = "" });
        var (tried, _) = await agent.PostAsync("try", new { text = "my parcel is late" });
        var (published, _) = await agent.PostAsync("draft/publish");
        using var adminPage = await admin.Http.GetAsync(new Uri("admin/prompts", UriKind.Relative));

        Assert.All(pages, p => Assert.True(p.Status == HttpStatusCode.Forbidden, $"{p.Path} answered {(int)p.Status} to an agent"));
        Assert.Equal(HttpStatusCode.Forbidden, save);
        Assert.Equal(HttpStatusCode.Forbidden, tried);
        Assert.Equal(HttpStatusCode.Forbidden, published);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("Admin studio", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminStudio_SignedOutOrWithoutTheHeader_PagesGoToSignInApisRefuse()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var anonymous = new HttpClient(handler) { BaseAddress = host.BaseAddress };
        using var admin = await StudioClient.SignInAsync(host);

        using var page = await anonymous.GetAsync(new Uri("admin/understanding", UriKind.Relative));
        using var api = await anonymous.GetAsync(new Uri("admin/api/prompts", UriKind.Relative));
        using var signIn = await anonymous.PostAsync(new Uri("agent/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "ada", ["password"] = AgentClient.Password, ["returnUrl"] = "/admin/understanding" }));
        using var elsewhere = await anonymous.PostAsync(new Uri("agent/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "ada", ["password"] = AgentClient.Password, ["returnUrl"] = "https://example.com/" }));
        using var noHeader = await admin.Http.PostAsync(new Uri("admin/api/try", UriKind.Relative), new StringContent("{\"text\":\"hello\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/agent/signin?ReturnUrl=%2Fadmin%2Funderstanding", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("/admin/understanding", signIn.Headers.Location!.OriginalString);
        Assert.Equal("/agent", elsewhere.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, noHeader.StatusCode);
    }

    [Fact]
    public async Task PromptSave_FileChangedByHandSinceOpened_RefusedWithADiffAndTheHandEditKept()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        using var admin = await StudioClient.SignInAsync(host);
        var opened = (string)(await admin.PromptFileAsync("greeting.yaml"))["text"]!;
        var path = Path.Combine(prompts.Path, "greeting.yaml");
        var byHand = opened.Replace("Good to see you again, {name}. What's happened?", "Good to see you back, {name}. What's up?", StringComparison.Ordinal);
        Assert.NotEqual(opened, byHand);
        await File.WriteAllTextAsync(path, byHand);

        var (status, body) = await admin.PostAsync("prompts/save", new { file = "greeting.yaml", key = SupportPrompts.Welcome, id = "welcome-1", text = "Hey {name}, what's gone wrong?", @base = opened });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("stale", (string?)body!["status"]);
        var diff = body["diff"]!.AsArray().Select(l => $"{l!["op"]} {l["text"]}").ToList();
        Assert.Contains("-     text: \"Good to see you again, {name}. What's happened?\"", diff);
        Assert.Contains("+     text: \"Good to see you back, {name}. What's up?\"", diff);
        Assert.Equal(byHand, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task PromptSave_AfterARestart_HistoryStillHoldsItAndRollsItBack()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        using var data = new TempDirectory();
        var path = Path.Combine(prompts.Path, "greeting.yaml");
        var original = await File.ReadAllTextAsync(path);
        await using (var first = await BotHost.StartAsync(data.Path, Settings(prompts)))
        {
            using var admin = await StudioClient.SignInAsync(first);
            var (saved, body) = await admin.PostAsync("prompts/save", new { file = "greeting.yaml", key = SupportPrompts.Welcome, id = "welcome-2", text = "Hello {name}, I'm listening. What happened?", @base = original });
            Assert.True(saved == HttpStatusCode.OK, body?.ToJsonString());
            Assert.True((bool)body!["live"]!);
        }

        await using var second = await BotHost.StartAsync(data.Path, Settings(prompts));
        using var again = await StudioClient.SignInAsync(second);
        var (_, history) = await again.GetAsync("history?file=greeting.yaml");
        var entry = Assert.Single(history!.AsArray());
        var (rolled, result) = await again.PostAsync($"history/{entry!["id"]}/rollback");

        Assert.Equal("ada", (string?)entry["who"]);
        Assert.Contains("welcome-2", (string?)entry["summary"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rolled);
        Assert.Equal((string?)entry["id"], (string?)result!["entry"]!["rollsBack"]);
        Assert.Equal(original, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task PromptSave_WithoutAVariantId_AddsAVariantWithTheNextFreeIdThatTheBotLoads()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        using var admin = await StudioClient.SignInAsync(host);
        var opened = (string)(await admin.PromptFileAsync("greeting.yaml"))["text"]!;

        var (status, body) = await admin.PostAsync("prompts/save", new { file = "greeting.yaml", key = SupportPrompts.Welcome, text = "Good day {name}, what can I put right?", @base = opened });

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        var variants = host.App.Services.GetRequiredService<Core.PromptFiles.PromptSource>().Current.Variants(SupportPrompts.Welcome);
        Assert.Equal(("welcome-4", "Good day {name}, what can I put right?"), (variants[^1].Id, variants[^1].Text));
        Assert.Contains("new variant welcome-4", (string?)body!["entry"]!["summary"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftPublish_AfterTheSameFileChangedLive_RefusedWithADiffAndTheDraftKept()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        using var admin = await StudioClient.SignInAsync(host);
        var opened = (string)(await admin.PromptFileAsync("greeting.yaml"))["text"]!;
        var (drafted, _) = await admin.PostAsync("prompts/save", new { file = "greeting.yaml", key = SupportPrompts.Welcome, id = "welcome-1", text = "Hi {name}, this is only in the draft. What went wrong?", @base = opened, draft = true });
        var live = Path.Combine(prompts.Path, "greeting.yaml");
        var byHand = opened.Replace("Welcome back, {name}. What can I help you with today?", "Welcome back, {name}. How can I help today?", StringComparison.Ordinal);
        await File.WriteAllTextAsync(live, byHand);

        var (status, body) = await admin.PostAsync("draft/publish");
        var (_, draft) = await admin.GetAsync("draft");

        Assert.Equal(HttpStatusCode.OK, drafted);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(body!["diff"]!.AsArray(), l => (string?)l!["op"] == "+" && ((string?)l["text"])!.Contains("How can I help today?", StringComparison.Ordinal));
        Assert.Equal(byHand, await File.ReadAllTextAsync(live));
        Assert.True((bool)draft!["exists"]!);
        Assert.Equal("greeting.yaml", (string?)Assert.Single(draft["files"]!.AsArray())!["file"]);
    }

    [Fact]
    public async Task Try_AFirstMessage_ShowsWhatTheBotReadsAndTheLinesItWouldSay()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var admin = await StudioClient.SignInAsync(host);
        const string Message = "my parcel never arrived, order 48213, it cost $89 and I've waited since Monday!!";
        var reading = host.App.Services.GetRequiredService<IMessageReader>().Read(Message);

        var (status, result) = await admin.PostAsync("try", new { text = Message, name = "Dana Reyes" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("complaint", (string?)result!["kind"]);
        Assert.Equal(reading.Category, (string?)result["category"]!["id"]);
        Assert.Equal(Math.Round(reading.Confidence, 3), (double)result["category"]!["probability"]!);
        var entities = result["entities"]!.AsArray().Select(e => $"{e!["kind"]}={e["value"]}").ToList();
        Assert.Contains("order number=48213", entities);
        Assert.Contains("amount=$89.00", entities);
        Assert.Contains(entities, e => e.StartsWith("date=since ", StringComparison.Ordinal));
        Assert.Contains((string?)result["feeling"], new[] { "mild", "upset", "furious" });
        var empathy = result["empathy"]!;
        host.Wording.AssertIsAny("empathy.", (string?)empathy["text"]);
        Assert.StartsWith("empathy.", (string?)empathy["key"], StringComparison.Ordinal);
        var question = result["question"]!;
        Assert.Equal((string?)result["replies"]!.AsArray()[^1]!["text"], (string?)question["text"]);
        Assert.True(host.Wording.Matches((string)question["key"]!, (string?)question["text"]), question.ToJsonString());
    }

    [Fact]
    public async Task ExampleAdded_ReaderRetrainedAndTheAccuracyComputedAgain()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        using var admin = await StudioClient.SignInAsync(host);
        var board = host.App.Services.GetRequiredService<AccuracyBoard>();
        var readerBefore = host.App.Services.GetRequiredService<MessageReaderSource>().Current;
        var (_, before) = await admin.GetAsync("understanding");
        await board.IdleAsync(CancellationToken.None);
        var (_, computed) = await admin.GetAsync("understanding");
        const string Example = "the courier dumped my box in a puddle by the bins";

        var (status, saved) = await admin.PostAsync("understanding/examples", new { category = "delivery", text = Example, @base = (string)before!["examplesText"]! });
        var (again, repeated) = await admin.PostAsync("understanding/examples", new { category = "delivery", text = Example, @base = (string)saved!["text"]! });
        var (_, recomputing) = await admin.GetAsync("understanding");
        await board.IdleAsync(CancellationToken.None);
        var (_, after) = await admin.GetAsync("understanding");

        Assert.True(status == HttpStatusCode.OK, saved.ToJsonString());
        Assert.True((bool)saved["live"]!);
        Assert.NotSame(readerBefore, host.App.Services.GetRequiredService<MessageReaderSource>().Current);
        Assert.Contains(Example, await File.ReadAllTextAsync(Path.Combine(prompts.Path, "catalog", "examples.yaml")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again);
        Assert.Contains("repeats the one on line", (string?)repeated!["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.True((bool)computed!["accuracy"]!["current"]!);
        // Right after the edit the figures are being computed again, unless that already finished (a quick machine):
        // then they already count the new example.
        Assert.True(!(bool)recomputing!["accuracy"]!["current"]! || (int)recomputing["accuracy"]!["report"]!["examples"]! == (int)computed["accuracy"]!["report"]!["examples"]! + 1, recomputing.ToJsonString());
        var report = after!["accuracy"]!["report"]!;
        Assert.Equal((int)computed["accuracy"]!["report"]!["examples"]! + 1, (int)report["examples"]!);
        var delivery = after["categories"]!.AsArray().Single(c => (string?)c!["id"] == "delivery")!;
        Assert.Contains(Example, delivery["examples"]!.AsArray().Select(e => (string?)e));
        Assert.InRange((double)delivery["accuracy"]!["accuracy"]!, 0.01, 1.0);
    }

    [Fact]
    public async Task ApprovalRuleTightenedAndAboutReworded_ThePastRefundItWouldSendToAPersonIsListedThenBothAreLive()
    {
        using var prompts = PromptFolder.CopyOfRepository();
        await using var host = await BotHost.StartAsync(settings: Settings(prompts));
        using var admin = await StudioClient.SignInAsync(host);
        var conversation = TestActivities.NewConversationId();
        foreach (var text in new[] { "hi", "I think I was charged twice for my last order", "$42.50", "last Tuesday", "nope", "refund" })
        {
            await host.ExpectRepliesAsync(TestActivities.Message(conversation, text));
        }

        var (_, book) = await admin.GetAsync("remedies");
        var refund = book!["remedies"]!.AsArray().Single(r => (string?)r!["id"] == "refund")!;
        var tighter = new { autoUpTo = 40m, maxPriorRemedies = (int?)refund["approval"]!["maxPriorRemedies"], tiers = Array.Empty<string>(), always = false };

        var (_, looser) = await admin.PostAsync("remedies/impact", new { id = "refund", approval = new { autoUpTo = 100m, maxPriorRemedies = 1, tiers = Array.Empty<string>(), always = false } });
        var (_, impact) = await admin.PostAsync("remedies/impact", new { id = "refund", approval = tighter });
        var about = "the refunds team returns it to your card within three working days";
        var (status, saved) = await admin.PostAsync("remedies/save", new { id = "refund", approval = tighter, about, @base = (string)book["text"]! });

        Assert.Equal(75m, (decimal)refund["approval"]!["autoUpTo"]!);
        Assert.Empty(looser!["nowToPerson"]!.AsArray());
        var past = Assert.Single(impact!["nowToPerson"]!.AsArray())!;
        Assert.Equal("$42.50", (string?)past["amount"]);
        Assert.Equal("granted", (string?)past["source"]);
        Assert.Contains("over the automatic limit of $40.00", (string?)past["reason"], StringComparison.Ordinal);
        Assert.True(status == HttpStatusCode.OK, saved?.ToJsonString());
        Assert.Equal(40m, host.App.Services.GetRequiredService<SupportCatalogSource>().Current.Remedies["refund"].Approval.AutoUpTo);
        Assert.Contains("auto_up_to: 40", await File.ReadAllTextAsync(Path.Combine(prompts.Path, "catalog", "remedies.yaml")), StringComparison.Ordinal);
        Assert.StartsWith("the refunds team returns the money", (string?)refund["about"], StringComparison.Ordinal);
        Assert.Equal(about, host.App.Services.GetRequiredService<SupportCatalogSource>().Current.Remedies["refund"].About);
    }

    private static Dictionary<string, string> Settings(PromptFolder prompts)
    {
        var settings = AgentClient.Accounts();
        settings["Prompts:Directory"] = prompts.Path;
        return settings;
    }
}
