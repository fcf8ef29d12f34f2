using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Insight;

/// <summary>
/// The dashboard's and the review's API: for admins only (an agent gets 403 on every page, asset and answer under
/// <c>/admin</c> it serves), exports that hold the conversations held, a bad filter named in a 400, and traces and
/// metrics sent over OTLP only when an endpoint is configured.
/// </summary>
public sealed class InsightApiTests
{
    private static readonly string[] AdminPaths =
    [
        "admin/dashboard", "admin/review", "admin/insight/dashboard.js", "admin/api/analytics/dashboard", "admin/api/analytics/conversations",
        "admin/api/analytics/conversations/x", "admin/api/analytics/export/conversations.csv", "admin/api/analytics/export/transcripts.json",
        "admin/api/analytics/export/metrics.csv",
    ];

    [Fact]
    public async Task AdminPagesAndApi_AnAgent_Gets403()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var alex = await AgentClient.SignInAsync(host, "alex");

        var statuses = new List<(string, HttpStatusCode)>();
        foreach (var path in AdminPaths)
        {
            using var response = await alex.Http.GetAsync(path);
            statuses.Add((path, response.StatusCode));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Forbidden, s.Item2));
    }

    [Fact]
    public async Task Export_ReturnsTheHeldConversations_AsCsvAndJson()
    {
        await using var business = await FakeBusinessSystem.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BotHost.StartAsync(settings: HeldConversations.Settings(business));
        var held = await HeldConversations.HoldAsync(host, connector);
        using var ada = await AgentClient.SignInAsync(host, "ada");

        var csv = await ada.Http.GetStringAsync("admin/api/analytics/export/conversations.csv");
        var json = JsonNode.Parse(await ada.Http.GetStringAsync("admin/api/analytics/export/conversations.json"))!;
        var transcripts = JsonNode.Parse(await ada.Http.GetStringAsync($"admin/api/analytics/export/transcripts.json"))!.AsArray();
        var transcriptCsv = await ada.Http.GetStringAsync("admin/api/analytics/export/transcripts.csv?outcome=handoff");
        var metrics = await ada.Http.GetStringAsync("admin/api/analytics/export/metrics.csv");
        using var download = await ada.Http.GetAsync("admin/api/analytics/export/metrics.json");

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,channel,conversation_id,case_id,started", rows[0], StringComparison.Ordinal);
        Assert.Equal(3, rows.Length - 1);
        Assert.Equal(
            new[] { held.Contained, held.HandedOff, held.Left }.Order(),
            json["items"]!.AsArray().Select(i => i!["conversationId"]!.GetValue<string>()).Order());
        Assert.Equal(3, json["total"]!.GetValue<int>());
        var contained = transcripts.Single(t => t!["review"]!["facts"]!["conversationId"]!.GetValue<string>() == held.Contained)!;
        Assert.Contains(contained["lines"]!.AsArray(), l => l!["who"]!.GetValue<string>() == "customer" && l["text"]!.GetValue<string>() == "I think I was charged twice for my last order");
        Assert.Contains(contained["lines"]!.AsArray(), l => l!["who"]!.GetValue<string>() == "bot");
        Assert.Equal(5, contained["review"]!["facts"]!["rating"]!.GetValue<int>());
        Assert.Contains("my parcel never arrived, order 48213", transcriptCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("charged twice", transcriptCsv, StringComparison.Ordinal);
        Assert.Contains("containment,Resolved without a person,resolved,Conversations,1", metrics, StringComparison.Ordinal);
        Assert.Contains("attachment", download.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_TurnsJustBeforeTheAppStopped_AreThereWhenItStartsAgain()
    {
        // The SQLite file's facts are written a moment after their turns; stopping the app writes what waits.
        using var data = new TempDirectory();
        var conversationId = TestActivities.NewConversationId();
        await using (var before = await BotHost.StartAsync(data.Path, AgentClient.Accounts()))
        {
            await before.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
            await before.ExpectRepliesAsync(TestActivities.Message(conversationId, "My parcel never arrived."));
        }

        await using var after = await BotHost.StartAsync(data.Path, AgentClient.Accounts());
        using var ada = await AgentClient.SignInAsync(after, "ada");
        var rows = JsonNode.Parse(await ada.Http.GetStringAsync("admin/api/analytics/export/conversations.json"))!["items"]!.AsArray();

        var row = Assert.Single(rows, r => r!["conversationId"]!.GetValue<string>() == conversationId)!;
        Assert.Equal(2, row["customerTurns"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dashboard_ABadFilter_Is400NamingTheField()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        using var ada = await AgentClient.SignInAsync(host, "ada");

        using var badDate = await ada.Http.GetAsync("admin/api/analytics/dashboard?from=yesterday");
        using var backwards = await ada.Http.GetAsync("admin/api/analytics/dashboard?from=2025-03-02&to=2025-03-01");
        using var badRating = await ada.Http.GetAsync("admin/api/analytics/conversations?rating=9");

        Assert.Equal((HttpStatusCode.BadRequest, "from"), (badDate.StatusCode, JsonNode.Parse(await badDate.Content.ReadAsStringAsync())!["field"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "rating"), (badRating.StatusCode, JsonNode.Parse(await badRating.Content.ReadAsStringAsync())!["field"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Telemetry_NoEndpointConfigured_NothingIsSetUpToExport()
    {
        await using var host = await BotHost.StartAsync();

        Assert.Null(host.App.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Telemetry_OtlpEndpointConfigured_TurnsAndFeelingsAreExported()
    {
        var received = new List<(string Path, byte[] Body)>();
        var (collector, address) = await LoopbackServer.StartAsync(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            lock (received)
            {
                received.Add((http.Request.Path.Value!, body.ToArray()));
            }

            http.Response.StatusCode = StatusCodes.Status200OK;
        });
        await using var _ = collector;
        var settings = new Dictionary<string, string>
        {
            ["Telemetry:OtlpEndpoint"] = address.AbsoluteUri.TrimEnd('/'),
            ["Telemetry:OtlpProtocol"] = "http/protobuf",
            ["Telemetry:MetricsIntervalSeconds"] = "1",
        };
        await using var host = await BotHost.StartAsync(settings: settings);
        var conversation = TestActivities.NewConversationId();

        await host.ExpectRepliesAsync(TestActivities.Message(conversation, "hi"));
        await host.ExpectRepliesAsync(TestActivities.Message(conversation, "my parcel STILL hasn't arrived, three weeks!!"));
        var until = DateTime.UtcNow.AddSeconds(30);
        bool Has(string path, string text)
        {
            lock (received)
            {
                return received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));
            }
        }

        while (DateTime.UtcNow < until && !(Has("/v1/traces", "dialog step") && Has("/v1/metrics", "supportbot.feeling")))
        {
            await Task.Delay(200);
        }

        Assert.True(Has("/v1/traces", "SupportBot") && Has("/v1/traces", "turn"), "The turn's span reaches the collector.");
        Assert.True(Has("/v1/traces", "dialog step"), "The dialog steps' spans reach the collector.");
        Assert.True(Has("/v1/metrics", "supportbot.turns") && Has("/v1/metrics", "supportbot.feeling"), "The turn and feeling metrics reach the collector.");
    }
}
