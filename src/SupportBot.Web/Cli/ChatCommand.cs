using SupportBot.Core.Activities;
using SupportBot.Web.Channels;
using SupportBot.Web.Fulfilment;
using SupportBot.Web.Hosting;
using SupportBot.Web.Prompts;
using SupportBot.Web.Sentiment;
using SupportBot.Web.Storage;
using SupportBot.Web.Understanding;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot chat [--name "Dana Reyes"] [--conversation ID]</c>: talk to the same bot pipeline (prompts,
/// dialogs, state) in the terminal. Each line is a message; suggested actions are listed under the reply.
/// Type <c>/quit</c> or end the input to leave.
/// </summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(string root, string[] args)
    {
        var name = Option(args, "--name") ?? Environment.UserName;
        var conversationId = Option(args, "--conversation") ?? $"terminal-{Guid.NewGuid():N}";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray())
            .Build();
        // The same pieces as the web host's bot: storage, prompts, sentiment, the reader of messages, the bot, and the runner its turns go through.
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole())
            .AddStorage(configuration, root)
            .AddPrompts(configuration, root)
            .AddSentiment(configuration, root)
            .AddUnderstanding(configuration, root)
            .AddSupportBot(configuration)
            .AddChannels(configuration)
            .AddFulfilment(configuration);
        await using var provider = services.BuildServiceProvider();
        var turns = provider.GetRequiredService<TurnRunner>();

        Console.WriteLine($"Chatting with SupportBot as {name} (conversation {conversationId}). Type /quit to leave.");
        var user = new ChannelAccount { Id = $"terminal-{name}", Name = name };
        var bot = new ChannelAccount { Id = "supportbot", Name = "SupportBot" };
        while (true)
        {
            Console.Write("you: ");
            var line = Console.ReadLine();
            if (line is null || line.Trim() == "/quit")
            {
                return 0;
            }

            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                // Unique per line, so a conversation continued later with --conversation is not taken for a resend.
                Id = $"{conversationId}-{Guid.NewGuid():N}",
                ChannelId = "terminal",
                From = user,
                Recipient = bot,
                Conversation = new ConversationAccount { Id = conversationId },
                Text = line,
                DeliveryMode = DeliveryModes.ExpectReplies,
            };
            var replies = await turns.RunAsync(activity, CancellationToken.None);
            foreach (var reply in replies.Where(r => r.Type == ActivityTypes.Message))
            {
                Console.WriteLine($"bot: {reply.Text}");
                if (reply.SuggestedActions?.Actions is { Count: > 0 } actions)
                {
                    Console.WriteLine("     " + string.Join("  ", actions.Select((a, i) => $"[{i + 1}] {a.Title}")));
                }
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
