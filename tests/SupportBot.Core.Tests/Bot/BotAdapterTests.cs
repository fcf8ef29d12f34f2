using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.Bot;

public sealed class BotAdapterTests
{
    /// <summary>Counts turns in conversation state and echoes the count; optionally pauses or fails on cue.</summary>
    private sealed class CountingBot(ConversationState conversationState) : IBot
    {
        private readonly StatePropertyAccessor<Counter> _counter = conversationState.CreateProperty<Counter>("counter");

        public Func<TurnContext, Task>? BeforeReply { get; set; }

        public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            var counter = await _counter.GetAsync(turnContext, () => new Counter(), cancellationToken);
            counter.Turns++;
            counter.Texts.Add(turnContext.Activity.Text ?? string.Empty);
            if (BeforeReply is not null)
            {
                await BeforeReply(turnContext);
            }

            if (turnContext.Activity.Text == "boom")
            {
                throw new InvalidOperationException("bot failure");
            }

            await turnContext.SendActivityAsync($"turn {counter.Turns}: {turnContext.Activity.Text}", cancellationToken);
        }
    }

    private sealed class Counter
    {
        public int Turns { get; set; }

        public List<string> Texts { get; set; } = [];
    }

    private static Activity Message(string conversationId, string text, string? id = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? Guid.NewGuid().ToString("N"),
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "u1", Name = "Dana" },
        Recipient = new ChannelAccount { Id = "bot" },
        Text = text,
    };

    private static (BotAdapter Adapter, CountingBot Bot, MemoryTranscriptStore Transcripts) Create(IStorage? storage = null)
    {
        storage ??= new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var bot = new CountingBot(conversationState);
        var transcripts = new MemoryTranscriptStore();
        var adapter = new BotAdapter(bot, conversationState, new UserState(storage), transcripts, TimeProvider.System, NullLogger<BotAdapter>.Instance);
        return (adapter, bot, transcripts);
    }

    [Fact]
    public async Task BotAdapter_SameActivityIdTwice_ProcessedOnceWithSameReplies()
    {
        var (adapter, _, _) = Create();

        var first = await adapter.ProcessActivityAsync(Message("c", "hello", id: "a1"), CancellationToken.None);
        var second = await adapter.ProcessActivityAsync(Message("c", "hello", id: "a1"), CancellationToken.None);
        var next = await adapter.ProcessActivityAsync(Message("c", "next"), CancellationToken.None);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Replies.Select(r => r.Text), second.Replies.Select(r => r.Text));
        Assert.Equal("turn 2: next", Assert.Single(next.Replies).Text);
    }

    [Fact]
    public async Task BotAdapter_OldActivityRedelivered_RecognizedButNoNewReplies()
    {
        var (adapter, _, _) = Create();
        await adapter.ProcessActivityAsync(Message("c", "first", id: "old"), CancellationToken.None);
        for (var i = 0; i < ProcessedActivities.RepliesKept; i++)
        {
            await adapter.ProcessActivityAsync(Message("c", $"later {i}"), CancellationToken.None);
        }

        var again = await adapter.ProcessActivityAsync(Message("c", "first", id: "old"), CancellationToken.None);
        var next = await adapter.ProcessActivityAsync(Message("c", "next"), CancellationToken.None);

        Assert.True(again.Duplicate);
        Assert.Empty(again.Replies);
        Assert.Equal($"turn {ProcessedActivities.RepliesKept + 2}: next", Assert.Single(next.Replies).Text);
    }

    [Fact]
    public async Task BotAdapter_DeliveryFails_RedeliveryResendsWithoutRerunningTurn()
    {
        var (adapter, _, _) = Create();
        var sent = new List<string?>();

        await Assert.ThrowsAsync<HttpRequestException>(() => adapter.ProcessActivityAsync(Message("c", "hello", id: "d1"), (_, _) => throw new HttpRequestException("down"), CancellationToken.None));
        var retried = await adapter.ProcessActivityAsync(Message("c", "hello", id: "d1"), (replies, _) =>
        {
            sent.AddRange(replies.Select(r => r.Text));
            return Task.CompletedTask;
        }, CancellationToken.None);
        var third = await adapter.ProcessActivityAsync(Message("c", "hello", id: "d1"), (replies, _) =>
        {
            sent.AddRange(replies.Select(r => r.Text));
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(["turn 1: hello"], sent);
        Assert.False(retried.Duplicate);
        Assert.True(third.Duplicate);
        Assert.Equal("c", Assert.Single(retried.Replies).Conversation!.Id);
    }

    [Fact]
    public async Task BotAdapter_BurstInOneConversation_ProcessedInArrivalOrderWithoutLoss()
    {
        var (adapter, bot, transcripts) = Create();
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.BeforeReply = async context =>
        {
            if (context.Activity.Text == "m1")
            {
                firstEntered.SetResult();
                await release.Task;
            }
        };

        var first = adapter.ProcessActivityAsync(Message("burst", "m1"), CancellationToken.None);
        await firstEntered.Task;
        var rest = new List<Task<TurnResult>>();
        for (var i = 2; i <= 5; i++)
        {
            rest.Add(adapter.ProcessActivityAsync(Message("burst", $"m{i}"), CancellationToken.None));
            await Task.Yield();
        }

        release.SetResult();
        var results = await Task.WhenAll([first, .. rest]);

        Assert.Equal(["turn 1: m1", "turn 2: m2", "turn 3: m3", "turn 4: m4", "turn 5: m5"], results.Select(r => Assert.Single(r.Replies).Text));
        var transcript = await transcripts.GetTranscriptAsync("test", "burst", CancellationToken.None);
        Assert.Equal(["m1", "turn 1: m1", "m2", "turn 2: m2", "m3", "turn 3: m3", "m4", "turn 4: m4", "m5", "turn 5: m5"], transcript.Select(a => a.Text));
    }

    [Fact]
    public async Task BotAdapter_BotThrows_NothingOfTheTurnIsSaved()
    {
        var (adapter, _, transcripts) = Create();
        await adapter.ProcessActivityAsync(Message("c", "one"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => adapter.ProcessActivityAsync(Message("c", "boom"), CancellationToken.None));
        var after = await adapter.ProcessActivityAsync(Message("c", "two"), CancellationToken.None);

        Assert.Equal("turn 2: two", Assert.Single(after.Replies).Text);
        Assert.DoesNotContain(await transcripts.GetTranscriptAsync("test", "c", CancellationToken.None), a => a.Text == "boom");
    }

    [Fact]
    public async Task BotAdapter_StateChangedByAnotherProcess_TurnRerunsOnFreshState()
    {
        var storage = new MemoryStorage();
        var (adapter, bot, _) = Create(storage);
        var (other, _, _) = Create(storage);
        await adapter.ProcessActivityAsync(Message("shared", "one"), CancellationToken.None);
        var interfered = false;
        bot.BeforeReply = async _ =>
        {
            if (!interfered)
            {
                interfered = true;
                await other.ProcessActivityAsync(Message("shared", "elsewhere"), CancellationToken.None);
            }
        };

        var result = await adapter.ProcessActivityAsync(Message("shared", "two"), CancellationToken.None);

        Assert.Equal("turn 3: two", Assert.Single(result.Replies).Text);
    }

    [Fact]
    public async Task BotAdapter_Replies_AreAddressedAndTimestamped()
    {
        var (adapter, _, _) = Create();

        var result = await adapter.ProcessActivityAsync(Message("c", "hello", id: "in-1") with { Locale = "en-GB" }, CancellationToken.None);

        var reply = Assert.Single(result.Replies);
        Assert.Equal("in-1", reply.ReplyToId);
        Assert.Equal("c", reply.Conversation!.Id);
        Assert.Equal("u1", reply.Recipient!.Id);
        Assert.Equal("bot", reply.From!.Id);
        Assert.Equal("en-GB", reply.Locale);
        Assert.NotNull(reply.Timestamp);
    }

    [Fact]
    public async Task BotAdapter_SqliteStorage_ManyConversationsConcurrently_AllDurable()
    {
        var directory = Directory.CreateTempSubdirectory("supportbot-adapter").FullName;
        await using (var database = new SqliteDatabase(Path.Combine(directory, "bot.db")))
        {
            var (adapter, _, _) = Create(new SqliteStorage(database));
            await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
            {
                for (var turn = 0; turn < 3; turn++)
                {
                    await adapter.ProcessActivityAsync(Message($"c{i}", $"t{turn}"), CancellationToken.None);
                }
            }));
        }

        await using var reopened = new SqliteDatabase(Path.Combine(directory, "bot.db"));
        var (again, _, _) = Create(new SqliteStorage(reopened));
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => again.ProcessActivityAsync(Message($"c{i}", "last"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal("turn 4: last", Assert.Single(r.Replies).Text));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
