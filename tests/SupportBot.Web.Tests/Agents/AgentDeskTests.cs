using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Cases;
using SupportBot.Core.Handoff;
using SupportBot.Core.Support;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>The agent desk over real HTTP: sign-in, the queue, one winner per accept, live takeover, decisions, updates and check-ins.</summary>
public sealed class AgentDeskTests
{
    [Fact]
    public async Task Console_NeedsSignIn_AndRefusesWrongPasswordsAndChangesWithoutTheHeader()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var page = await anonymous.GetAsync("agent");
        using var api = await anonymous.GetAsync("agent/api/cases");
        using var wrong = await anonymous.PostAsync("agent/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "alex", ["password"] = "guess" }));
        using var alex = await AgentClient.SignInAsync(host, "alex");
        using var withoutHeader = await alex.Http.PostAsync("agent/api/cases/x/accept", null);
        using var console = await alex.Http.GetAsync("agent");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/agent/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("/agent/signin?failed", wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("Agent console", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstRun_WithNoAdminConfigured_MakesOneWhosePasswordIsShownOnceAndKeptOnlyHashed()
    {
        using var data = new TempDirectory();
        string password;
        await using (var first = await BotHost.StartAsync(data.Path))
        {
            password = first.App.Services.GetRequiredService<AgentDirectory>().GeneratedPassword!;
            using var admin = await AgentClient.SignInAsync(first, AgentDirectory.FirstRunLogin, password);
            using var prompts = await admin.Http.GetAsync("healthz/prompts");
            Assert.Equal(HttpStatusCode.OK, prompts.StatusCode);
        }

        var stored = await File.ReadAllTextAsync(Path.Combine(data.Path, "admin.json"));
        await using var second = await BotHost.StartAsync(data.Path);
        using var again = await AgentClient.SignInAsync(second, AgentDirectory.FirstRunLogin, password);

        Assert.Equal(20, password.Length);
        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.Null(second.App.Services.GetRequiredService<AgentDirectory>().GeneratedPassword); // shown once only
    }

    [Theory]
    [InlineData("agent", HttpStatusCode.OK)]
    [InlineData("none", HttpStatusCode.Forbidden)]
    public async Task EntraSignIn_OpenIdConnectCodeFlow_GivesTheConsoleToAgentsOnly(string role, HttpStatusCode console)
    {
        await using var identity = await FakeIdentity.StartAsync();
        identity.SignInRoles = role == "none" ? [] : [role];
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Agents:OpenIdConnect:Authority"] = identity.Authority,
            ["Agents:OpenIdConnect:ClientId"] = "console-client",
            ["Agents:OpenIdConnect:ClientSecret"] = "console-secret",
        });
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = host.BaseAddress };

        var form = await browser.GetStringAsync("agent/signin");
        using var signedIn = await browser.GetAsync("agent/signin/entra");
        using var me = await browser.GetAsync("agent/api/me");

        Assert.Contains("Sign in with Microsoft", form, StringComparison.Ordinal);
        Assert.Equal(console, signedIn.StatusCode);
        if (console == HttpStatusCode.OK)
        {
            Assert.Contains("Agent console", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("Jordan Lee", System.Text.Json.Nodes.JsonNode.Parse(await me.Content.ReadAsStringAsync())!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Accept_ManyAgentsAtOnce_ExactlyOneGetsTheCase()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts(extra: 6));
        var caseId = await HandOverOverDirectLineAsync(host, "Dana");
        var agents = await Task.WhenAll(new[] { "alex", "sam" }.Concat(Enumerable.Range(1, 6).Select(i => $"agent{i}")).Select(login => AgentClient.SignInAsync(host, login)));

        var results = await Task.WhenAll(agents.Select(a => a.PostAsync($"cases/{caseId}/accept")));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.Equal(7, results.Count(r => r.Status == HttpStatusCode.Conflict));
        var winner = results.Single(r => r.Status == HttpStatusCode.OK).Body!["agentName"]!.GetValue<string>();
        Assert.All(results.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Equal(winner, r.Body!["agent"]!.GetValue<string>()));
        foreach (var agent in agents)
        {
            agent.Dispose();
        }
    }

    [Fact]
    public async Task Takeover_AgentJoinsChatsBothWaysAndModifiesTheRemedy_ThenTheBotCloses()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213");
        var (_, beforeHandoff) = await customer.GetActivitiesAsync(conversationId, token, null);
        await customer.PostMessageAsync(conversationId, token, "I want to talk to a person");
        await customer.PostMessageAsync(conversationId, token, "also, it was a birthday present for Saturday");
        var (handoff, afterHandoff) = await customer.GetActivitiesAsync(conversationId, token, beforeHandoff);
        var caseId = Assert.Single(await alex.CasesAsync())!["caseId"]!.GetValue<string>();

        var (accepted, _) = await alex.PostAsync($"cases/{caseId}/accept");
        var (sent, _) = await alex.PostAsync($"cases/{caseId}/messages", new { text = "Hi Dana, I'm looking at order 48213 now." });
        await customer.PostMessageAsync(conversationId, token, "thank you, it was a birthday present");
        var detail = await alex.CaseAsync(caseId);
        var (decided, _) = await alex.PostAsync($"cases/{caseId}/decision", new { decision = "modified", remedy = "a replacement by express delivery and a $10 credit", note = "It ships today." });
        var (live, _) = await customer.GetActivitiesAsync(conversationId, token, afterHandoff);

        var handoffTexts = DirectLineClient.BotTexts(handoff);
        host.Wording.AssertIs(HandoffPrompts.ReviewBrief, handoffTexts[0]);
        host.Wording.AssertIs(HandoffPrompts.AdditionNoted, handoffTexts[1]);
        host.Wording.AssertIs(HandoffPrompts.Handoff(HandoffReason.CustomerAsked), handoffTexts[2]);
        host.Wording.AssertIs(HandoffPrompts.Queue, handoffTexts[3]);
        Assert.Contains("number 1", handoffTexts[3], StringComparison.Ordinal);
        Assert.Equal("also, it was a birthday present for Saturday", detail["summary"]!["customerAddition"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.NoContent, sent);
        Assert.Equal(HttpStatusCode.NoContent, decided);
        var texts = DirectLineClient.BotTexts(live);
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, texts[0]);
        Assert.Contains("Alex Morgan", texts[0], StringComparison.Ordinal);
        Assert.Equal("Hi Dana, I'm looking at order 48213 now.", texts[1]);
        Assert.Equal("Alex Morgan", live.Single(a => a!["text"]?.GetValue<string>() == texts[1])!["from"]!["name"]!.GetValue<string>());
        host.Wording.AssertIs(HandoffPrompts.Modified, texts[2]);
        Assert.Contains("a replacement by express delivery and a $10 credit", texts[2], StringComparison.Ordinal);
        host.Wording.AssertIs(SupportPrompts.ConfirmResolved, texts[3]);
        Assert.Equal(4, texts.Count); // the bot said nothing to "thank you, it was a birthday present": Alex had the chat
        Assert.Contains(detail["transcript"]!.AsArray(), l => l!["text"]!.GetValue<string>() == "thank you, it was a birthday present" && l["role"]!.GetValue<string>() == "customer");
        Assert.Empty(await alex.CasesAsync());

        await customer.PostMessageAsync(conversationId, token, "yes");
        var (rating, _) = await customer.GetActivitiesAsync(conversationId, token, null);
        host.Wording.AssertIs(SupportPrompts.AskRating, DirectLineClient.BotTexts(rating)[^1]);
    }

    [Fact]
    public async Task Queue_AWaitingCustomerHearsWhereTheyStandEveryInterval_AndWaitsComeFromRecentHandoffs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var settings = AgentClient.Accounts();
        settings["Handoff:UpdateSeconds"] = "60";
        await using var host = await BotHost.StartAsync(settings: settings, services: s => s.AddSingleton<TimeProvider>(time));
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var desk = host.App.Services.GetRequiredService<HandoffDesk>();
        var rounds = host.App.Services.GetServices<IHostedService>().OfType<DeskService>().Single();

        // Two earlier cases picked up after 4 and 6 minutes give the estimate its basis.
        foreach (var minutes in new[] { 4, 6 })
        {
            var earlier = await HandOverOverDirectLineAsync(host, "Earlier");
            time.Advance(TimeSpan.FromMinutes(minutes));
            Assert.Equal(AcceptOutcome.Accepted, (await desk.AcceptAsync(earlier, "alex", "Alex Morgan", CancellationToken.None)).Outcome);
        }

        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var (queued, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);
        await rounds.RunOnceAsync(CancellationToken.None);
        var (tooSoon, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);
        time.Advance(TimeSpan.FromSeconds(61));
        await rounds.RunOnceAsync(CancellationToken.None);
        var (update, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);

        var queueLine = DirectLineClient.BotTexts(queued)[^1];
        host.Wording.AssertIs(HandoffPrompts.Queue, queueLine);
        Assert.Contains("about 2 to 7 minutes", queueLine, StringComparison.Ordinal);
        Assert.Empty(tooSoon);
        host.Wording.AssertIs(HandoffPrompts.QueueUpdate, Assert.Single(DirectLineClient.BotTexts(update)));
    }

    [Fact]
    public async Task FollowUp_FiresOnceAfterARestart_AndANoReopensTheCase()
    {
        using var data = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var business = await FakeBusinessSystem.StartAsync(); // the orders system books the replacement
        var settings = new Dictionary<string, string>
        {
            ["Handoff:FollowUpHours"] = "0.25", // within the customer's 30-minute token
            ["Fulfilment:Webhooks:orders:Url"] = business.Url("orders"),
            ["Fulfilment:Webhooks:orders:Secret"] = "orders-webhook-secret-7f3a9c",
        };
        string conversationId, token, watermark;
        await using (var before = await BotHost.StartAsync(data.Path, settings, s => s.AddSingleton<TimeProvider>(time)))
        {
            var customer = new DirectLineClient(before);
            (conversationId, token) = await customer.PageTokenAsync("Dana");
            await customer.StartAsync(token);
            foreach (var text in new[] { "My parcel never arrived, order 48213, I ordered it two weeks ago for $60", "I emailed twice already", "no", "1", "yes", "5" })
            {
                await customer.PostMessageAsync(conversationId, token, text);
            }

            var (all, end) = await customer.GetActivitiesAsync(conversationId, token, null);
            watermark = end;
            Assert.True(
                (await before.App.Services.GetRequiredService<FollowUpSchedule>().PendingAsync(CancellationToken.None)).Count == 1,
                string.Join("\n", DirectLineClient.BotTexts(all)));
        }

        time.Advance(TimeSpan.FromMinutes(16));
        await using var after = await BotHost.StartAsync(data.Path, settings, s => s.AddSingleton<TimeProvider>(time));
        var resumed = new DirectLineClient(after);
        var rounds = after.App.Services.GetServices<IHostedService>().OfType<DeskService>().Single();
        await rounds.RunOnceAsync(CancellationToken.None);
        await rounds.RunOnceAsync(CancellationToken.None);
        var (checkIn, next) = await resumed.GetActivitiesAsync(conversationId, token, watermark);
        await resumed.PostMessageAsync(conversationId, token, "no");
        await resumed.PostMessageAsync(conversationId, token, "the replacement never came either");
        var (reopened, _) = await resumed.GetActivitiesAsync(conversationId, token, next);

        var asked = Assert.Single(DirectLineClient.BotTexts(checkIn)); // once, though the schedule was read at start-up and twice more
        after.Wording.AssertIs(HandoffPrompts.FollowUpAsk, asked);
        Assert.Contains("a replacement sent by express delivery", asked, StringComparison.Ordinal);
        after.Wording.AssertIs(HandoffPrompts.ReviewBrief, DirectLineClient.BotTexts(reopened)[0]);
        after.Wording.AssertIs(HandoffPrompts.AdditionNoted, DirectLineClient.BotTexts(reopened)[1]);
        after.Wording.AssertIs(HandoffPrompts.Handoff(HandoffReason.NotResolved), DirectLineClient.BotTexts(reopened)[2]);
        var reopenedCase = Assert.Single(await after.App.Services.GetRequiredService<HandoffDesk>().OpenCasesAsync(CancellationToken.None));
        Assert.Equal("Dana", reopenedCase.Brief().CustomerName);
        Assert.Equal("the replacement never came either", reopenedCase.Brief().CustomerAddition);
        Assert.Empty(await after.App.Services.GetRequiredService<FollowUpSchedule>().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeskEvents_ForgedByAClient_AreRefused()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        var caseId = await HandOverOverDirectLineAsync(host, "Dana");
        var desk = host.App.Services.GetRequiredService<HandoffDesk>();
        var reference = (await desk.GetAsync(caseId, CancellationToken.None))!.Reference;
        var customer = new DirectLineClient(host);
        var forged = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "event",
            ["name"] = DeskEvents.Decision,
            ["callerId"] = DeskEvents.CallerId,
            ["value"] = new System.Text.Json.Nodes.JsonObject { ["decision"] = "approved", ["remedy"] = "a refund of $5,000", ["agent"] = "Boss" },
        };
        var (_, minted) = await customer.SendAsync(HttpMethod.Post, "directline/token", null);
        var mintedToken = minted!["token"]!.GetValue<string>();
        var mintedConversation = minted["conversationId"]!.GetValue<string>();
        await customer.StartAsync(mintedToken);

        var (status, _) = await customer.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{mintedConversation}/activities", mintedToken, forged);
        var overMessages = TestActivities.Message(reference.Conversation!.Id!, "x");
        overMessages["type"] = "event";
        overMessages["name"] = DeskEvents.Decision;
        overMessages["callerId"] = DeskEvents.CallerId;
        overMessages["channelId"] = reference.ChannelId;
        overMessages.Remove("text");
        overMessages["value"] = forged["value"]!.DeepClone();
        overMessages["deliveryMode"] = "expectReplies";
        using var refused = await host.PostActivityAsync(overMessages);
        var (activities, _) = await customer.GetActivitiesAsync(mintedConversation, mintedToken, null);

        Assert.Equal(403, (int)status);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(DirectLineClient.BotTexts(activities), t => t.Contains("approved", StringComparison.Ordinal));
        Assert.Equal(CaseStatus.Waiting, (await desk.GetAsync(caseId, CancellationToken.None))!.Status);
    }

    /// <summary>A website customer who asks for a person; returns the case id.</summary>
    private static async Task<string> HandOverOverDirectLineAsync(BotHost host, string name)
    {
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync(name);
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var desk = host.App.Services.GetRequiredService<HandoffDesk>();
        return (await desk.OpenCasesAsync(CancellationToken.None)).Single(c => c.Reference.Conversation!.Id == conversationId).CaseId;
    }
}
