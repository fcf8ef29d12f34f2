using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Sentiment;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Tests.Fulfilment;
using SupportBot.Core.Transcripts;
using SupportBot.Core.Understanding;
using SupportBot.Testing;

namespace SupportBot.Core.Tests;

/// <summary>Builds bots for tests over the repository's own prompt files.</summary>
internal static class TestBots
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "dialogs")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with dialogs/) was not found above the test folder.");
    });

    public static string RepositoryRoot => Root.Value;

    public static string DialogsDirectory => Path.Combine(RepositoryRoot, "dialogs");

    private static readonly Lazy<LocalSentimentAnalyzer> Analyzer = new(() => LocalSentimentAnalyzer.Load(Path.Combine(DialogsDirectory, "sentiment-lexicon.tsv")));

    public static PromptSource Prompts() => PromptSource.Load(DialogsDirectory, SupportPrompts.Definitions);

    public static SupportCatalog Catalog() => SupportCatalogSource.Load(Path.Combine(DialogsDirectory, "catalog")).Current;

    private static readonly Lazy<MessageReaderSource> ReaderSource = new(() =>
    {
        var catalog = Catalog();
        return MessageReaderSource.Load(Path.Combine(DialogsDirectory, "catalog"), () => catalog.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal));
    });

    private static readonly Lazy<AnswerSource> AnswerSourceValue = new(() =>
    {
        var catalog = Catalog();
        return AnswerSource.Load(Path.Combine(DialogsDirectory, "catalog"), () => [.. catalog.Categories.Select(c => c.Id)]);
    });

    /// <summary>The answers to common questions from the repository's <c>answers.yaml</c>, shared by the tests (immutable once trained).</summary>
    public static AnswerReader Answers => AnswerSourceValue.Value.Current;

    /// <summary>The reader of messages trained on the repository's examples, shared by the tests (it is immutable once trained).</summary>
    public static IMessageReader Reader => ReaderSource.Value;

    /// <summary>The embedded analyzer over the repository's lexicons, shared by the tests (it is immutable).</summary>
    public static LocalSentimentAnalyzer Sentiment => Analyzer.Value;

    /// <summary>The webhooks the repository's catalog names, each pointed at <c>http://business.test/NAME</c>, signed with <see cref="WebhookSecret"/>.</summary>
    public static FulfilmentOptions Fulfilment() => new()
    {
        Webhooks = new(StringComparer.OrdinalIgnoreCase)
        {
            ["refunds"] = new WebhookOptions { Url = "http://business.test/refunds", Secret = WebhookSecret },
            ["orders"] = new WebhookOptions { Url = "http://business.test/orders", Secret = WebhookSecret },
            ["identity"] = new WebhookOptions { Url = "http://business.test/identity", Secret = WebhookSecret },
            ["accounts"] = new WebhookOptions { Url = "http://business.test/accounts", Secret = WebhookSecret },
        },
    };

    public const string WebhookSecret = "test-webhook-secret-0123456789";

    /// <summary>
    /// The support bot over <paramref name="storage"/> (memory unless given). Granted remedies' actions go to
    /// <paramref name="business"/> (one that does everything unless given) through the real delivery, with
    /// <paramref name="outbox"/> (memory unless given) committed with each turn, as are the rows of
    /// <paramref name="desk"/> (memory unless given; the table of <paramref name="handoff"/>'s desk).
    /// </summary>
    public static BotAdapter SupportBot(IStorage? storage = null, ITranscriptStore? transcripts = null, TimeProvider? time = null, SupportOptions? options = null, Action<UserProfile>? profile = null, HandoffServices? handoff = null, FakeBusiness? business = null, Outbox? outbox = null, FulfilmentOptions? fulfilment = null, DeskTable? desk = null)
    {
        storage ??= new MemoryStorage();
        transcripts ??= new MemoryTranscriptStore();
        outbox ??= Outbox.InMemory();
        desk ??= DeskTable.InMemory(outbox);
        time ??= TimeProvider.System;
        fulfilment ??= Fulfilment();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var catalog = Catalog();
        var answers = Answers;
        var services = new SupportServices(Prompts(), () => catalog, Sentiment, options ?? new SupportOptions(), conversationState, userState, handoff, Reader, () => answers, fulfilment);
        IBot bot = new SupportBotHandler(new SupportDialog(services), services, conversationState);
        if (profile is not null)
        {
            bot = new ProfileSeedingBot(bot, services, profile);
        }

        var actions = new FulfilmentOutbox(outbox);
        var delivery = new FulfilmentDelivery(actions, new HttpClient(business ?? FakeBusiness.Up()), fulfilment, time, NullLogger<FulfilmentDelivery>.Instance);
        var dispatcher = new FulfilmentDispatcher(actions, delivery, time, NullLogger<FulfilmentDispatcher>.Instance);
        return new BotAdapter(bot, conversationState, userState, transcripts, time, NullLogger<BotAdapter>.Instance, TurnStore.Sequential(storage, transcripts, outbox, desk), dispatcher.DispatchAsync);
    }

    /// <summary>Whether <paramref name="text"/> is one of the variants of the prompt <paramref name="key"/>, its variables filled with anything.</summary>
    public static bool IsLine(string key, string? text) =>
        text is not null && Prompts().Current.Variants(key).SelectMany(v => PromptForms.Of(v.Text)).Any(v =>
            System.Text.RegularExpressions.Regex.IsMatch(text, "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(v), @"\\\{\w+}", ".*") + "$", System.Text.RegularExpressions.RegexOptions.Singleline));

    /// <summary>Sets up the customer's profile (tier, remedies already granted) before the bot's first turn.</summary>
    private sealed class ProfileSeedingBot(IBot inner, SupportServices services, Action<UserProfile> seed) : IBot
    {
        public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            var profile = await services.Cases.ProfileAsync(turnContext, cancellationToken);
            if (profile.Cases == 0 && profile.Name is null)
            {
                seed(profile);
            }

            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }

    /// <summary>Any bot, given as its turn handler, over memory storage.</summary>
    public static BotAdapter For(Func<ConversationState, UserState, IBot> create, IStorage? storage = null, ITranscriptStore? transcripts = null)
    {
        storage ??= new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        return new BotAdapter(create(conversationState, userState), conversationState, userState, transcripts ?? new MemoryTranscriptStore(), TimeProvider.System, NullLogger<BotAdapter>.Instance);
    }
}
