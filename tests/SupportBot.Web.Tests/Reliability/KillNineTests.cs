using System.Collections.Concurrent;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>
/// The bot as its own process on SQLite, killed with SIGKILL four times at random moments while six customers send
/// their turns over <c>POST /api/messages</c> without pause (greeting, complaint, what they tried, "anything else?"), and started again on the same data each time. A
/// customer whose turn got no answer sends it again with the same id, as a channel does. At the end every turn the
/// bot acknowledged (2xx) is in the transcript once, in order, and every conversation went on at its step.
/// </summary>
public sealed class KillNineTests(ITestOutputHelper output)
{
    private const int Customers = 6;
    private const int Kills = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // The support conversation up to the remedies offered, as the load benchmark begins it; each step's replies are
    // checked. (Choosing one queues an action, whose outcome a kill may delay to the outbox's next round: a wait, not a step.)
    private static readonly string[] Script =
    [
        "hi",
        "my parcel never arrived, order 48213, ordered two weeks ago for $60",
        "I emailed twice already",
        "no",
    ];

    private BotProcess _bot = null!;

    [Fact]
    public async Task Turns_WhileTheBotIsKilledFourTimes_NoAcknowledgedTurnIsLost_AndEveryConversationGoesOnAtItsStep()
    {
        using var data = new TempDirectory();
        var settings = new Dictionary<string, string> { ["RateLimits:PerConversationPer10Seconds"] = "100000" };
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var processes = new List<BotProcess> { await BotProcess.StartAsync(data.Path, settings) };
        Volatile.Write(ref _bot, processes[0]);
        var turns = new ConcurrentQueue<Turn>();
        var wrongSteps = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var customers = Enumerable.Range(0, Customers).Select(_ => Task.Run(() => CustomerAsync(turns, wrongSteps, stop.Token))).ToList();
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
                processes[^1].Kill();
                var restarted = await BotProcess.StartAsync(data.Path, settings);
                processes.Add(restarted);
                Volatile.Write(ref _bot, restarted);
            }

            // After the last restart every conversation caught mid-way goes on: for 3 s, and on a slow machine (where
            // each start-up ate into the time between kills) until there are enough turns to tell something, within 30 s.
            var settle = Stopwatch.StartNew();
            while (settle.Elapsed < TimeSpan.FromSeconds(3) || (turns.Count(t => t.Acknowledged) < Customers * Kills && settle.Elapsed < TimeSpan.FromSeconds(30)))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
            await stop.CancelAsync();
            await Task.WhenAll(customers).WaitAsync(Bound);
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }

        // The last process was killed too; what is on disk is what counts.
        var all = turns.ToList();
        var acknowledged = all.Where(t => t.Acknowledged).ToList();
        var found = 0;
        var outOfOrder = new List<string>();
        await using (var database = new SqliteDatabase(Path.Combine(data.Path, "supportbot.db")))
        {
            var transcripts = new SqliteTranscriptStore(database);
            foreach (var conversation in acknowledged.GroupBy(t => t.ConversationId))
            {
                var inbound = (await transcripts.GetTranscriptAsync(TestActivities.ChannelId, conversation.Key, CancellationToken.None))
                    .Where(a => a.Type == "message" && a.From?.Id == TestActivities.UserId).Select(a => a.Id!).ToList();
                found += conversation.Count(t => inbound.Count(id => id == t.ActivityId) == 1);
                var sentInOrder = all.Where(t => t.ConversationId == conversation.Key && (t.Acknowledged || inbound.Contains(t.ActivityId))).Select(t => t.ActivityId).ToList();
                if (!inbound.SequenceEqual(sentInOrder))
                {
                    outOfOrder.Add($"{conversation.Key}: sent {string.Join(",", sentInOrder)}, transcript {string.Join(",", inbound)}");
                }
            }
        }

        var lost = acknowledged.Count - found;
        var summary = $"{Kills} kills in {clock.Elapsed.TotalSeconds:0} s (seed {seed}): {all.Count} turns sent, {acknowledged.Count} acknowledged, {found} found, {lost} lost; "
            + $"{all.Count(t => t.Retries > 0)} cut off by a kill and sent again, {all.Select(t => t.ConversationId).Distinct().Count()} conversations, {all.Count(t => t.Step == Script.Length - 1 && t.Acknowledged)} finished";
        output.WriteLine(summary);
        Assert.True(acknowledged.Count >= Customers * Kills, $"too few turns to tell anything: {summary}");
        Assert.True(all.Count(t => t.Retries > 0) >= Kills, $"the kills cut no turn off: {summary}");
        Assert.Equal(all.Count, acknowledged.Count); // every customer's turn was answered in the end
        Assert.True(lost == 0, summary);
        Assert.True(outOfOrder.Count == 0, string.Join('\n', outOfOrder));
        Assert.True(wrongSteps.IsEmpty, string.Join('\n', wrongSteps.Take(5)) + "\n" + summary);
    }

    /// <summary>One customer: conversation after conversation, each turn sent until answered (same id), its replies checked.</summary>
    private async Task CustomerAsync(ConcurrentQueue<Turn> turns, ConcurrentQueue<string> wrongSteps, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var conversationId = TestActivities.NewConversationId();
            for (var step = 0; step < Script.Length && !stop.IsCancellationRequested; step++)
            {
                var activity = TestActivities.Message(conversationId, Script[step]);
                var turn = new Turn(conversationId, activity["id"]!.GetValue<string>(), step);
                turns.Enqueue(turn);
                var body = await SendUntilAnsweredAsync(activity.ToJsonString(), turn);
                if (body is null)
                {
                    return;
                }

                var replies = JsonSerializer.Deserialize(body, ActivityJson.Default.ExpectedReplies)!.Activities;
                if (WrongStep(step, replies) is { } wrong)
                {
                    wrongSteps.Enqueue($"{conversationId} step {step} ('{Script[step]}'): {wrong}; the bot said: {string.Join(" | ", replies.Select(r => r.Text))}");
                }
            }
        }
    }

    private async Task<string?> SendUntilAnsweredAsync(string json, Turn turn)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            try
            {
                using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                using var response = await Volatile.Read(ref _bot).Client.PostAsync("api/messages", content);
                if (response.IsSuccessStatusCode)
                {
                    turn.Acknowledged = true;
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException or IOException)
            {
            }

            turn.Retries++;
            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>Null when the replies are what this step of the conversation says; otherwise what is missing.</summary>
    private static string? WrongStep(int step, IReadOnlyList<Activity> replies)
    {
        var messages = replies.Where(r => r.Type == "message").ToList();
        var text = string.Join(' ', messages.Select(m => m.Text));
        bool Offers(string title) => messages.Any(m => m.SuggestedActions?.Actions.Any(a => string.Equals(a.Title, title, StringComparison.OrdinalIgnoreCase)) == true);
        return step switch
        {
            _ when messages.Count == 0 => "no message",
            0 => text.Contains("Dana", StringComparison.Ordinal) ? null : "expected the greeting by name",
            1 => messages.Count >= 2 && text.Contains('?', StringComparison.Ordinal) ? null : "expected an empathy line and a question",
            2 => text.Contains('?', StringComparison.Ordinal) ? null : "expected \"is anything else bothering you?\"",
            _ => Offers("A replacement sent by express delivery, at no cost") ? null : "expected the delivery remedies offered",
        };
    }

    private sealed class Turn(string conversationId, string activityId, int step)
    {
        public string ConversationId { get; } = conversationId;

        public string ActivityId { get; } = activityId;

        public int Step { get; } = step;

        public bool Acknowledged { get; set; }

        public int Retries { get; set; }
    }
}
