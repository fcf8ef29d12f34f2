using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Handoff;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Agents;

/// <summary>Customers see a colleague by their own name and id; a colleague with no name gives one before taking a case.</summary>
public sealed class AgentNameTests
{
    [Fact]
    public async Task AgentMessage_OverDirectLine_CarriesTheAgentsNameAndOwnId_WhileTheBotsLinesStayTheBots()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token, caseId) = await HandOverAsync(host, customer, "Dana");
        var (_, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);

        var (accepted, _) = await alex.PostAsync($"cases/{caseId}/accept");
        await alex.PostAsync($"cases/{caseId}/messages", new { text = "Hi Dana, I'm looking at your order now." });
        await alex.PostAsync($"cases/{caseId}/handback", new { text = "I've sent a replacement." });
        var (live, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);

        Assert.Equal(HttpStatusCode.OK, accepted);
        var messages = live.Where(a => a!["type"]!.GetValue<string>() == "message").ToList();
        var fromAlex = Assert.Single(messages, m => m!["text"]!.GetValue<string>() == "Hi Dana, I'm looking at your order now.")!["from"]!;
        Assert.Equal("Alex Morgan", fromAlex["name"]!.GetValue<string>());
        Assert.Equal("bot", fromAlex["role"]!.GetValue<string>());
        Assert.Equal(ColleagueAccount.IdPrefix + AgentDirectory.PublicId("alex"), fromAlex["id"]!.GetValue<string>());
        Assert.DoesNotContain("alex", fromAlex["id"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var botLines = messages.Where(m => m!["text"]!.GetValue<string>() != "Hi Dana, I'm looking at your order now.").ToList();
        Assert.True(botLines.Count >= 2, string.Join("\n", DirectLineClient.BotTexts(live)));
        host.Wording.AssertIs(HandoffPrompts.AgentJoined, botLines[0]!["text"]!.GetValue<string>());
        host.Wording.AssertIs(HandoffPrompts.HandedBack, botLines[1]!["text"]!.GetValue<string>());
        Assert.All(botLines, m => Assert.False(m!["from"]!["id"]!.GetValue<string>().StartsWith(ColleagueAccount.IdPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void AgentIds_TwoColleagues_AreDifferentAndStable()
    {
        var alex = AgentDirectory.PublicId("alex");

        var again = AgentDirectory.PublicId("ALEX");
        var sam = AgentDirectory.PublicId("sam");

        Assert.Equal(alex, again);
        Assert.NotEqual(alex, sam);
    }

    [Fact]
    public async Task FirstRunAdmin_IsRefusedACaseUntilItGivesAName_ThenCustomersSeeIt_AndItSurvivesARestart()
    {
        using var data = new TempDirectory();
        string password;
        await using (var first = await BotHost.StartAsync(data.Path))
        {
            password = first.App.Services.GetRequiredService<AgentDirectory>().GeneratedPassword!;
            using var admin = await AgentClient.SignInAsync(first, AgentDirectory.FirstRunLogin, password);
            await using var events = await admin.OpenEventsAsync();
            var customer = new DirectLineClient(first);
            var (conversationId, token, caseId) = await HandOverAsync(first, customer, "Dana");
            var (_, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);
            var before = await admin.MeAsync();

            var (refused, why) = await admin.PostAsync($"cases/{caseId}/accept");
            var (refusedDecision, _) = await admin.PostAsync($"cases/{caseId}/decision", new { decision = "approved" });
            var (notAName, _) = await admin.PostAsync("me/name", new { name = "Administrator" });
            var (named, me) = await admin.PostAsync("me/name", new { name = "  Ada   Okafor " });
            var (accepted, _) = await admin.PostAsync($"cases/{caseId}/accept");
            await admin.PostAsync($"cases/{caseId}/messages", new { text = "Hi Dana, I'm on it." });
            var (live, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);

            Assert.Null(before["name"]);
            Assert.Equal(HttpStatusCode.Conflict, refused);
            Assert.Equal("name", why!["field"]!.GetValue<string>());
            Assert.Contains("your name", why["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, refusedDecision);
            Assert.Equal(HttpStatusCode.BadRequest, notAName);
            Assert.Equal(HttpStatusCode.OK, named);
            Assert.Equal("Ada Okafor", me!["name"]!.GetValue<string>());
            Assert.Equal("AO", me["initials"]!.GetValue<string>());
            Assert.True(me["canChangeName"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.OK, accepted);
            first.Wording.AssertIs(HandoffPrompts.AgentJoined, DirectLineClient.BotTexts(live)[0]);
            Assert.Contains("Ada Okafor", DirectLineClient.BotTexts(live)[0], StringComparison.Ordinal);
            var message = Assert.Single(live, a => a!["text"]?.GetValue<string>() == "Hi Dana, I'm on it.")!;
            Assert.Equal("Ada Okafor", message["from"]!["name"]!.GetValue<string>());
        }

        await using var second = await BotHost.StartAsync(data.Path);
        using var again = await AgentClient.SignInAsync(second, AgentDirectory.FirstRunLogin, password);
        var after = await again.MeAsync();

        Assert.Equal("Ada Okafor", after["name"]!.GetValue<string>());
        Assert.Equal("AO", after["initials"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(data.Path, "agent-names.json")));
    }

    [Fact]
    public async Task ConfiguredName_IsNotAsked_AndCannotBeChangedFromTheConsole()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");

        var me = await alex.MeAsync();
        var (changed, _) = await alex.PostAsync("me/name", new { name = "Someone Else" });
        var after = await alex.MeAsync();

        Assert.Equal("Alex Morgan", me["name"]!.GetValue<string>());
        Assert.Equal("AM", me["initials"]!.GetValue<string>());
        Assert.False(me["canChangeName"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, changed);
        Assert.Equal("Alex Morgan", after["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Jordan Lee", "Jordan Lee", false)]
    [InlineData(null, null, true)]
    public async Task EntraSignIn_UsesTheNameClaim_OrAsksWhenThereIsNone(string? claim, string? expected, bool canChange)
    {
        await using var identity = await FakeIdentity.StartAsync();
        identity.SignInName = claim;
        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Agents:OpenIdConnect:Authority"] = identity.Authority,
            ["Agents:OpenIdConnect:ClientId"] = "console-client",
            ["Agents:OpenIdConnect:ClientSecret"] = "console-secret",
        });
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = host.BaseAddress };
        using var signedIn = await browser.GetAsync("agent/signin/entra");

        var me = System.Text.Json.Nodes.JsonNode.Parse(await browser.GetStringAsync("agent/api/me"))!;

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(expected, me["name"]?.GetValue<string>());
        Assert.Equal(canChange, me["canChangeName"]!.GetValue<bool>());
        Assert.Equal("jordan@contoso.example", me["login"]!.GetValue<string>());
    }

    /// <summary>A website customer who asks for a person and confirms the brief; returns their conversation and the case id.</summary>
    private static async Task<(string ConversationId, string Token, string CaseId)> HandOverAsync(BotHost host, DirectLineClient customer, string name)
    {
        var (conversationId, token) = await customer.PageTokenAsync(name);
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var desk = host.App.Services.GetRequiredService<HandoffDesk>();
        var caseId = (await desk.OpenCasesAsync(CancellationToken.None)).Single(c => c.Reference.Conversation!.Id == conversationId).CaseId;
        return (conversationId, token, caseId);
    }
}
