using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.State;
using SupportBot.Core.Transcripts;

namespace SupportBot.Core.Tests.Bot;

/// <summary>
/// A turn that queues an action: the entry is committed with the turn or not at all, it is carried out only once the
/// turn is durable, and the turn that tells how it went is answered with the first one, also on a redelivery.
/// </summary>
public sealed class BotAdapterOutboxTests
{
    /// <summary>"act" queues an entry and says so; the outcome event says what the dispatcher reported.</summary>
    private sealed class ActingBot(ConversationState conversationState) : IBot
    {
        private readonly StatePropertyAccessor<List<string>> _seen = conversationState.CreateProperty<List<string>>("seen");

        public Func<Task>? BeforeCommit { get; set; }

        public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            var seen = await _seen.GetAsync(turnContext, () => [], cancellationToken);
            seen.Add(turnContext.Activity.Text ?? turnContext.Activity.Name ?? string.Empty);
            if (turnContext.Activity.Type == ActivityTypes.Event)
            {
                await turnContext.SendActivityAsync($"outcome: {turnContext.Activity.Name}", cancellationToken);
                return;
            }

            turnContext.AddOutbox(new OutboxRow($"action-{Guid.NewGuid():N}", "case-1", "delivering", null, turnContext.TimeProvider.GetUtcNow(), "{}"));
            await turnContext.SendActivityAsync($"queued ({seen.Count})", cancellationToken);
            if (BeforeCommit is not null)
            {
                await BeforeCommit();
            }
        }
    }

    private static Activity Message(string text, string id) => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "c" },
        From = new ChannelAccount { Id = "u1", Name = "Dana" },
        Recipient = new ChannelAccount { Id = "bot" },
        Text = text,
    };

    private sealed record Setup(BotAdapter Adapter, ActingBot Bot, Outbox Outbox, MemoryTranscriptStore Transcripts, List<string> Dispatched);

    private static Setup Create(IStorage? storage = null, Outbox? outbox = null)
    {
        storage ??= new MemoryStorage();
        outbox ??= Outbox.InMemory();
        var transcripts = new MemoryTranscriptStore();
        var conversationState = new ConversationState(storage);
        var bot = new ActingBot(conversationState);
        var dispatched = new List<string>();
        OutboxDispatch dispatch = async (turn, queued, runTurn, cancellationToken) =>
        {
            // By now the turn is durable: its entry is in the outbox and its activities in the transcript.
            foreach (var row in queued)
            {
                Assert.NotNull(await outbox.GetAsync(row.Id, cancellationToken));
                dispatched.Add(row.Id);
            }

            Assert.Contains(await transcripts.GetTranscriptAsync("test", "c", 0, cancellationToken), a => a.Id == turn.Id);
            await runTurn(turn with { Type = ActivityTypes.Event, Name = "done", Id = $"outcome-{Guid.NewGuid():N}", Text = null }, [], cancellationToken);
        };
        var adapter = new BotAdapter(bot, conversationState, new UserState(storage), transcripts, TimeProvider.System, NullLogger<BotAdapter>.Instance, TurnStore.Sequential(storage, transcripts, outbox), dispatch);
        return new Setup(adapter, bot, outbox, transcripts, dispatched);
    }

    [Fact]
    public async Task BotAdapter_TurnQueuesAnAction_DispatchedOnceDurable_AndTheOutcomeTurnIsAnsweredWithIt()
    {
        var setup = Create();

        var result = await setup.Adapter.ProcessActivityAsync(Message("act", "a1"), CancellationToken.None);

        Assert.Equal(["queued (1)", "outcome: done"], result.Replies.Select(r => r.Text));
        Assert.Single(setup.Dispatched);
        Assert.Equal(["act", "queued (1)", "done", "outcome: done"], (await setup.Transcripts.GetTranscriptAsync("test", "c", 0, CancellationToken.None)).Select(a => a.Text ?? a.Name));
    }

    [Fact]
    public async Task BotAdapter_RedeliveredAfterTheChannelFailed_SendsBothTurnsRepliesWithoutActingAgain()
    {
        var setup = Create();
        var sent = new List<string?>();

        await Assert.ThrowsAsync<HttpRequestException>(() => setup.Adapter.ProcessActivityAsync(Message("act", "a1"), (_, _) => throw new HttpRequestException("down"), CancellationToken.None));
        await setup.Adapter.ProcessActivityAsync(Message("act", "a1"), (replies, _) =>
        {
            sent.AddRange(replies.Select(r => r.Text));
            return Task.CompletedTask;
        }, CancellationToken.None);
        var again = await setup.Adapter.ProcessActivityAsync(Message("act", "a1"), (_, _) => throw new InvalidOperationException("sent already"), CancellationToken.None);

        Assert.Equal(["queued (1)", "outcome: done"], sent);
        Assert.True(again.Duplicate);
        Assert.Single(setup.Dispatched);
    }

    [Fact]
    public async Task BotAdapter_TurnRerunForAStaleETag_OnlyTheKeptAttemptsActionReachesTheOutbox()
    {
        var storage = new MemoryStorage();
        var outbox = Outbox.InMemory();
        var setup = Create(storage, outbox);
        var other = Create(storage, outbox);
        await setup.Adapter.ProcessActivityAsync(Message("act", "a1"), CancellationToken.None);
        var interfered = false;
        setup.Bot.BeforeCommit = async () =>
        {
            if (!interfered)
            {
                interfered = true;
                await other.Adapter.ProcessActivityAsync(Message("act elsewhere", "x1"), CancellationToken.None);
            }
        };

        var result = await setup.Adapter.ProcessActivityAsync(Message("act", "a2"), CancellationToken.None);

        Assert.Equal("queued (5)", result.Replies[0].Text);
        Assert.Equal(3, (await outbox.ForCaseAsync("case-1", CancellationToken.None)).Count);
        Assert.Equal((await outbox.ForCaseAsync("case-1", CancellationToken.None)).Select(r => r.Id).Order(), setup.Dispatched.Concat(other.Dispatched).Order());
    }
}
