using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Bot;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Reliability;

/// <summary>
/// A turn that fails late (after the bot ran: its replies said, the case handed over to the desk, its state changed)
/// writes nothing: the answer is not a 2xx, the conversation's state, its transcript and the agents' queue are as
/// before, the activity is not taken as processed, and sending the same activity again runs the whole turn, once.
/// Over <c>/api/messages</c> with <c>expectReplies</c> and over Direct Line, with the failure in the bot or in SQLite
/// itself refusing the transcript.
/// </summary>
public sealed class HalfTurnTests
{
    private const string Confirm = "that's right";

    [Fact]
    public async Task ExpectReplies_TheTurnFailsAfterTheBotRan_NothingIsWritten_AndTheSameActivityAgainRunsTheWholeTurn()
    {
        var failing = new FailsLate();
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts(), services: failing.Use);
        await AssertNothingHalfWrittenAsync(host, arm: on =>
        {
            failing.Armed = on;
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ExpectReplies_SqliteRefusesTheTranscript_NothingIsWritten_AndTheSameActivityAgainRunsTheWholeTurn()
    {
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts());
        await using var trigger = await TranscriptTrigger.CreateAsync(Path.Combine(host.DataDirectory, "supportbot.db"));
        await AssertNothingHalfWrittenAsync(host, trigger.ArmAsync);
    }

    [Fact]
    public async Task DirectLine_TheTurnFailsAfterTheBotRan_NothingIsWritten_AndPostingItAgainRunsTheWholeTurn()
    {
        var failing = new FailsLate();
        await using var host = await BotHost.StartAsync(settings: AgentClient.Accounts(), services: failing.Use);
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var customer = new DirectLineClient(host);
        var (conversationId, token) = await customer.PageTokenAsync("Dana");
        await customer.StartAsync(token);
        await customer.PostMessageAsync(conversationId, token, "my order is late, talk to a person");
        var (_, watermark) = await customer.GetActivitiesAsync(conversationId, token, null);
        var key = $"directline/conversations/{conversationId}";
        var state = await ReadStateAsync(host, key);
        var transcript = (await host.GetTranscriptAsync("directline", conversationId)).Count;

        failing.Armed = true;
        var (status, body) = await customer.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, Message(Confirm));
        var (heard, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);
        var stateAfter = await ReadStateAsync(host, key);
        var transcriptAfter = (await host.GetTranscriptAsync("directline", conversationId)).Count;
        var queueAfter = await alex.CasesAsync();

        failing.Armed = false;
        var (again, _) = await customer.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", token, Message(Confirm));
        var (replies, _) = await customer.GetActivitiesAsync(conversationId, token, watermark);

        Assert.False(status is >= 200 and < 300, $"the failed turn answered {status}");
        Assert.Contains("nothing was saved", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(heard);
        Assert.Equal(state, stateAfter);
        Assert.Equal(transcript, transcriptAfter);
        Assert.Empty(queueAfter);
        Assert.Equal(200, again);
        var texts = DirectLineClient.BotTexts(replies);
        host.Wording.AssertIs(HandoffPrompts.Handoff(Core.Cases.HandoffReason.CustomerAsked), texts[0]);
        host.Wording.AssertIs(HandoffPrompts.Queue, texts[^1]);
        Assert.Single(replies, a => a!["text"]?.GetValue<string>() == Confirm);
        Assert.Single(await alex.CasesAsync());
    }

    /// <summary>Hands over up to the brief, fails the confirmation while armed, checks nothing was written, then sends it again.</summary>
    private static async Task AssertNothingHalfWrittenAsync(BotHost host, Func<bool, Task> arm)
    {
        using var alex = await AgentClient.SignInAsync(host, "alex");
        await using var events = await alex.OpenEventsAsync();
        var conversationId = TestActivities.NewConversationId();
        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        var brief = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "my order is late, talk to a person"));
        host.Wording.AssertIs(HandoffPrompts.ReviewBrief, brief[^1].Text!);
        var conversationKey = $"{TestActivities.ChannelId}/conversations/{conversationId}";
        var userKey = $"{TestActivities.ChannelId}/users/{TestActivities.UserId}";
        var (conversation, user) = (await ReadStateAsync(host, conversationKey), await ReadStateAsync(host, userKey));
        var transcript = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);
        var outbox = await host.App.Services.GetRequiredService<Outbox>().ForCaseAsync(CaseId(conversation), CancellationToken.None);
        var confirm = TestActivities.Message(conversationId, Confirm, id: "confirm-" + conversationId);

        await arm(true);
        using var failed = await host.PostActivityAsync(confirm);
        var after = (Conversation: await ReadStateAsync(host, conversationKey), User: await ReadStateAsync(host, userKey));
        var transcriptAfter = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);
        var outboxAfter = await host.App.Services.GetRequiredService<Outbox>().ForCaseAsync(CaseId(conversation), CancellationToken.None);
        var queueAfter = await alex.CasesAsync();

        await arm(false);
        var replies = await host.ExpectRepliesAsync(confirm);
        var transcriptAgain = await host.GetTranscriptAsync(TestActivities.ChannelId, conversationId);

        Assert.False(failed.IsSuccessStatusCode, $"the failed turn answered {(int)failed.StatusCode}");
        Assert.Equal(conversation, after.Conversation); // the activity is not marked processed, the dialog has not moved on
        Assert.Equal(user, after.User);
        Assert.Equal(transcript.Count, transcriptAfter.Count);
        Assert.Equal(outbox.Count, outboxAfter.Count);
        Assert.Empty(queueAfter);
        host.Wording.AssertIs(HandoffPrompts.Handoff(Core.Cases.HandoffReason.CustomerAsked), replies[0].Text!);
        host.Wording.AssertIs(HandoffPrompts.Queue, replies[^1].Text!);
        Assert.Equal(transcript.Count + 1 + replies.Count, transcriptAgain.Count);
        Assert.Single(transcriptAgain, a => a.Id == confirm["id"]!.GetValue<string>());
        var queued = Assert.Single(await alex.CasesAsync());
        Assert.Equal(CaseId(conversation), queued!["caseId"]!.GetValue<string>());
    }

    /// <summary>The JSON and ETag of a state item, or null.</summary>
    private static async Task<(string Json, string? ETag)?> ReadStateAsync(BotHost host, string key) =>
        (await host.App.Services.GetRequiredService<IStorage>().ReadAsync([key], CancellationToken.None)).TryGetValue(key, out var item) ? (item.Json, item.ETag) : null;

    /// <summary>The case id the conversation's state holds.</summary>
    private static string CaseId((string Json, string? ETag)? conversation) =>
        JsonDocument.Parse(conversation!.Value.Json).RootElement.GetProperty("case").GetProperty("caseId").GetString()!;

    private static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["from"] = new JsonObject { ["id"] = "r_client", ["role"] = "user" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    };

    /// <summary>The real bot, failing after it ran the confirmation turn while <see cref="Armed"/>: late, before the adapter commits.</summary>
    private sealed class FailsLate
    {
        public volatile bool Armed;

        public void Use(IServiceCollection services) =>
            services.AddSingleton<IBot>(sp => new Bot(ActivatorUtilities.CreateInstance<SupportBotHandler>(sp), this));

        private sealed class Bot(IBot inner, FailsLate switch_) : IBot
        {
            public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
            {
                await inner.OnTurnAsync(turnContext, cancellationToken);
                if (switch_.Armed && turnContext.Activity.Text == Confirm)
                {
                    throw new InvalidOperationException("A failure late in the turn, after the bot ran.");
                }
            }
        }
    }

    /// <summary>A trigger in the bot's SQLite file that refuses the confirmation's transcript rows (by its id) while armed: SQLite itself fails the turn's commit.</summary>
    private sealed class TranscriptTrigger : IAsyncDisposable
    {
        private readonly SqliteConnection _connection;

        private TranscriptTrigger(SqliteConnection connection) => _connection = connection;

        public static async Task<TranscriptTrigger> CreateAsync(string path)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await connection.OpenAsync();
            await ExecuteAsync(connection, """
                PRAGMA busy_timeout=5000;
                CREATE TABLE test_armed (on_ INTEGER);
                CREATE TRIGGER test_refuse_transcript BEFORE INSERT ON transcript
                WHEN NEW.json LIKE '%"confirm-%' AND EXISTS (SELECT 1 FROM test_armed)
                BEGIN SELECT RAISE(ABORT, 'the transcript refused this turn'); END;
                """);
            return new TranscriptTrigger(connection);
        }

        public Task ArmAsync(bool on) => ExecuteAsync(_connection, on ? "INSERT INTO test_armed VALUES (1)" : "DELETE FROM test_armed");

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

        private static async Task ExecuteAsync(SqliteConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
