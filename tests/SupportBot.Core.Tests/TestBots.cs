using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Bot;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Transcripts;

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

    public static PromptSource Prompts() => PromptSource.Load(DialogsDirectory, SupportPrompts.Definitions);

    /// <summary>The support bot over <paramref name="storage"/> (memory unless given).</summary>
    public static BotAdapter SupportBot(IStorage? storage = null, ITranscriptStore? transcripts = null, TimeProvider? time = null)
    {
        storage ??= new MemoryStorage();
        var conversationState = new ConversationState(storage);
        var userState = new UserState(storage);
        var bot = new SupportBotHandler(new SupportDialog(Prompts(), userState), conversationState);
        return new BotAdapter(bot, conversationState, userState, transcripts ?? new MemoryTranscriptStore(), time ?? TimeProvider.System, NullLogger<BotAdapter>.Instance);
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
