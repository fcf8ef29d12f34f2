using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Transcripts;
using SupportBot.Core.Understanding;

namespace SupportBot.Benchmarks;

/// <summary>
/// The engine without HTTP: one whole seven-turn support conversation through the real <see cref="BotAdapter"/>
/// (memory storage, the trained message reader as the app has it), and the per-message pieces on the hot path.
/// Run: <c>dotnet run -c Release --project bench/SupportBot.Benchmarks -- --filter '*TurnBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class TurnBenchmarks
{
    private static readonly string[] Turns = ["hi", "my parcel never arrived, order 48213, ordered two weeks ago for $60", "I emailed twice already", "no", "1", "yes", "5"];
    private static readonly Choice[] Choices = [new("delivery"), new("defect"), new("billing"), new("other")];
    private BotAdapter _adapter = null!;
    private byte[] _teamsActivity = null!;
    private int _conversation;

    [GlobalSetup]
    public void Setup()
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var dialogs = Path.Combine(FindRoot(), "dialogs");
        var prompts = PromptSource.Load(dialogs, SupportPrompts.Definitions);
        var catalog = SupportCatalogSource.Load(Path.Combine(dialogs, "catalog"));
        var sentiment = LocalSentimentAnalyzer.Load(Path.Combine(dialogs, "sentiment-lexicon.tsv"));
        var reader = MessageReaderSource.Load(Path.Combine(dialogs, "catalog"), () => catalog.Current.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal));
        var services = new SupportServices(prompts, () => catalog.Current, sentiment, new SupportOptions(), conversationState, userState, reader: reader);
        var bot = new SupportBotHandler(new SupportDialog(services), services, conversationState);
        var transcripts = new MemoryTranscriptStore();
        var outbox = Outbox.InMemory();
        var turns = TurnStore.Sequential(storage, transcripts, outbox, DeskTable.InMemory(outbox));
        _adapter = new BotAdapter(bot, conversationState, userState, transcripts, TimeProvider.System, NullLogger<BotAdapter>.Instance, turns);
        _teamsActivity = JsonSerializer.SerializeToUtf8Bytes(new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1714641243417",
            ChannelId = "msteams",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            From = new ChannelAccount { Id = "29:1qTz8hPq0R7m5bKx3vYc9dWf2gLs6nJ4aE0uH", Name = "Dana Reyes" },
            Conversation = new ConversationAccount { Id = "a:1Xk3p9QmZr7Tn2Lw5Yb8Cv0Hd4Fs6Gj1Ke3Ma5Nb7Pc", ConversationType = "personal" },
            Recipient = new ChannelAccount { Id = "28:3f1c9e2a", Name = "SupportBot" },
            Text = "my refund STILL hasn't arrived, three weeks!!",
            Locale = "en-US",
        }, ActivityJson.Default.Activity);
    }

    /// <summary>The whole support conversation, seven turns: greeting, empathy and questions, layers, remedy, confirm, rating.</summary>
    [Benchmark]
    public async Task<int> WholeConversation()
    {
        var conversationId = $"bench-{Interlocked.Increment(ref _conversation)}";
        var replies = 0;
        for (var i = 0; i < Turns.Length; i++)
        {
            var result = await _adapter.ProcessActivityAsync(new Activity
            {
                Type = ActivityTypes.Message,
                Id = $"{conversationId}-{i}",
                ChannelId = "bench",
                From = new ChannelAccount { Id = conversationId, Name = "Dana Reyes" },
                Recipient = new ChannelAccount { Id = "bot" },
                Conversation = new ConversationAccount { Id = conversationId },
                Text = Turns[i],
                DeliveryMode = DeliveryModes.ExpectReplies,
            }, CancellationToken.None);
            replies += result.Replies.Count;
        }

        return replies;
    }

    [Benchmark]
    public Activity? ParseTeamsActivity() => JsonSerializer.Deserialize(_teamsActivity, ActivityJson.Default.Activity);

    [Benchmark]
    public FoundChoice? RecognizeChoice() => ChoiceRecognizer.Recognize("it's about the invoice you sent, the billing one", Choices);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "dialogs")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
