using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Web.Agents;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>
/// Two instances on one PostgreSQL database, as behind a load balancer: a conversation's turns split across both run
/// one at a time; a Direct Line stream, a console's sign-in, an agent's presence and the live queue work whichever
/// instance a request reaches; a check-in is sent once.
/// </summary>
public sealed class TwoInstanceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Turns_OfOneConversationSplitAcrossBothAtOnce_RunOneAtATimeEachOnceInOrder()
    {
        await using var pair = await TwoInstances.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var conversationId = TestActivities.NewConversationId();

        // Twenty messages at once, every other one to each instance; half of them have their replies posted to the
        // channel's connector, half ask for them in the answer.
        var burst = Enumerable.Range(1, 20)
            .Select(i => TestActivities.Message(conversationId, $"My parcel number {i} never arrived.", serviceUrl: i % 4 < 2 ? connector.ServiceUrl : null))
            .ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = burst.Select(async (activity, i) =>
        {
            await go.Task;
            using var response = await (i % 2 == 0 ? pair.A : pair.B).PostActivityAsync(activity);
            return (Id: activity["id"]!.GetValue<string>(), response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts).WaitAsync(Bound);

        // Then one at a time, alternating: the transcript keeps this order.
        var inOrder = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            var activity = TestActivities.Message(conversationId, $"and another thing, number {i}");
            inOrder.Add(activity["id"]!.GetValue<string>());
            await (i % 2 == 0 ? pair.A : pair.B).ExpectRepliesAsync(activity);
        }

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{a.Id}: {(int)a.StatusCode} {a.Body}"));
        // The burst's answers may, in whatever order they ran, walk the conversation to a granted remedy: the turn that
        // tells its outcome (an event) then follows in the same delivery, and belongs to the message that granted it.
        var turns = new List<(Activity Inbound, List<Activity> Replies, HashSet<string> Ids)>();
        foreach (var (inbound, replies) in TestActivities.SplitIntoTurns(await pair.B.GetTranscriptAsync(TestActivities.ChannelId, conversationId)))
        {
            if (inbound.Type == ActivityTypes.Event && turns.Count > 0)
            {
                turns[^1].Replies.AddRange(replies);
                turns[^1].Ids.Add(inbound.Id!);
            }
            else
            {
                turns.Add((inbound, replies, [inbound.Id!]));
            }
        }

        Assert.Equal(burst.Count + inOrder.Count, turns.Count);
        Assert.Equal(burst.Select(a => a["id"]!.GetValue<string>()).Order(), turns.Take(burst.Count).Select(t => t.Inbound.Id!).Order());
        Assert.Equal(inOrder, turns.Skip(burst.Count).Select(t => t.Inbound.Id!));
        Assert.All(turns, t => Assert.All(t.Replies, r => Assert.Contains(r.ReplyToId!, t.Ids)));

        // What the channel's connector got is exactly what the transcript says was answered through it: each reply once.
        var viaConnector = burst.Where(a => a["serviceUrl"] is not null).Select(a => a["id"]!.GetValue<string>()).ToHashSet();
        var expected = turns.Where(t => viaConnector.Contains(t.Inbound.Id!)).SelectMany(t => t.Replies).Select(r => $"{r.ReplyToId}: {r.Text}").Order().ToList();
        var sent = await connector.WaitForRequestsAsync(expected.Count, Bound);
        Assert.Equal(expected, sent.Select(r => $"{r.Body!["replyToId"]}: {r.Text}").Order());

        // Each expectReplies answer is its own turn's replies.
        foreach (var (id, _, body) in answers.Where(a => !viaConnector.Contains(a.Id)))
        {
            var replies = JsonSerializer.Deserialize(body, ActivityJson.Default.ExpectedReplies)!.Activities;
            Assert.Equal(turns.Single(t => t.Inbound.Id == id).Replies.Select(r => r.Text), replies.Select(r => r.Text));
        }
    }

    [Fact]
    public async Task DirectLine_StreamOnA_HearsWhatIsPostedOnB_WithTokensAndStreamUrlsFromEither()
    {
        await using var pair = await TwoInstances.StartAsync();
        var onA = new DirectLineClient(pair.A);
        var onB = new DirectLineClient(pair.B);
        var (conversationId, token) = await onA.PageTokenAsync("Dana");

        var (started, conversation) = await onB.StartAsync(token);
        var streamUrl = conversation!["streamUrl"]!.GetValue<string>().Replace(pair.B.BaseAddress.Authority, pair.A.BaseAddress.Authority, StringComparison.Ordinal);
        using var stream = await DirectLineClient.OpenStreamAsync(streamUrl);
        var greeting = await stream.ReceiveUntilAsync(a => a["type"]!.GetValue<string>() == "message").WaitAsync(Bound);
        var postId = await onB.PostMessageAsync(conversationId, token, "my parcel never arrived, order 48213");
        var turn = await stream.ReceiveUntilAsync(a => a["text"]?.GetValue<string>()?.EndsWith('?') == true).WaitAsync(Bound);

        Assert.Equal(201, started);
        pair.A.Wording.AssertIs(Core.Support.SupportPrompts.Welcome, Assert.Single(greeting)["text"]!.GetValue<string>());
        Assert.Equal(postId, turn[0]["id"]!.GetValue<string>());
        Assert.Equal("my parcel never arrived, order 48213", turn[0]["text"]!.GetValue<string>());
        Assert.Contains(turn.Skip(1), a => a["from"]!["role"]?.GetValue<string>() != "user" && a["replyToId"]?.GetValue<string>() == postId);
    }

    [Fact]
    public async Task Console_CookieFromA_IsAcceptedByB_AndSigningOutOnBEndsItOnA()
    {
        await using var pair = await TwoInstances.StartAsync();
        using var alex = await AgentClient.SignInAsync(pair.A, "alex");
        using var sameBrowserOnB = new HttpClient(new HttpClientHandler { CookieContainer = alex.Cookies, AllowAutoRedirect = false }) { BaseAddress = pair.B.BaseAddress };

        using var me = await sameBrowserOnB.GetAsync("agent/api/me");
        var body = await me.Content.ReadAsStringAsync();
        using var signOut = await sameBrowserOnB.PostAsync("agent/signout", null);
        using var afterwards = await alex.Http.GetAsync("agent/api/me");

        Assert.True(me.StatusCode == HttpStatusCode.OK, $"{(int)me.StatusCode}: {body}");
        Assert.Equal("Alex Morgan", JsonNode.Parse(body)!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task Handoff_OnB_FindsTheAgentSignedInOnA_AndAsConsoleHearsOfTheCase()
    {
        await using var pair = await TwoInstances.StartAsync();
        using var alex = await AgentClient.SignInAsync(pair.A, "alex");
        await using var events = await alex.OpenEventsAsync();
        await WhenAsync(() => pair.B.App.Services.GetRequiredService<DeskFeed>().AnyAgentOnline);
        var customer = new DirectLineClient(pair.B);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);

        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        await customer.PostMessageAsync(conversationId, token, "that's right");
        var heard = await ReadUntilAsync(events, "event: case").WaitAsync(Bound);
        var (activities, _) = await customer.GetActivitiesAsync(conversationId, token, null);
        var queued = Assert.Single(await alex.CasesAsync());

        pair.B.Wording.AssertIs(HandoffPrompts.Queue, DirectLineClient.BotTexts(activities)[^1]);
        Assert.Contains(queued!["caseId"]!.GetValue<string>(), heard, StringComparison.Ordinal);
        Assert.Equal("Dana", queued["customerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task FollowUp_DueOnBothInstances_IsSentOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var business = await FakeBusinessSystem.StartAsync(); // the orders system books the replacement
        await using var pair = await TwoInstances.StartAsync(
            new Dictionary<string, string>
            {
                ["Handoff:FollowUpHours"] = "0.25", // within the customer's 30-minute token
                ["Fulfilment:Webhooks:orders:Url"] = business.Url("orders"),
                ["Fulfilment:Webhooks:orders:Secret"] = "orders-webhook-secret-7f3a9c",
            },
            s => s.AddSingleton<TimeProvider>(time));
        var customer = new DirectLineClient(pair.A);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        foreach (var text in new[] { "My parcel never arrived, order 48213, I ordered it two weeks ago for $60", "I emailed twice already", "no", "1", "yes", "5" })
        {
            await customer.PostMessageAsync(conversationId, token, text);
        }

        var (_, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);
        time.Advance(TimeSpan.FromMinutes(16));
        var rounds = new[] { pair.A, pair.B, pair.A, pair.B }.Select(h => h.App.Services.GetServices<IHostedService>().OfType<DeskService>().Single());
        await Task.WhenAll(rounds.Select(r => r.RunOnceAsync(CancellationToken.None)));
        var (checkIn, _) = await new DirectLineClient(pair.B).GetActivitiesAsync(conversationId, token, watermark);

        pair.B.Wording.AssertIs(HandoffPrompts.FollowUpAsk, Assert.Single(DirectLineClient.BotTexts(checkIn)));
    }


    /// <summary>Reads a console's event stream until <paramref name="marker"/> has come; returns what came.</summary>
    private static async Task<string> ReadUntilAsync(Stream events, string marker)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await events.ReadAsync(buffer);
            Assert.True(read > 0, $"The event stream ended before '{marker}': {text}");
            text.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> holds: another instance's news travels through the database, so
    /// it is looked at again every 20 ms, for <see cref="Bound"/> at most.
    /// </summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
