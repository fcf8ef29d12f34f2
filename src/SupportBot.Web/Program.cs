using SupportBot.Core.PromptFiles;
using SupportBot.Web.Cli;
using SupportBot.Web.Hosting;

var root = AppRoot.Find();
try
{
    switch (args)
    {
        case ["chat", ..]:
            return await ChatCommand.RunAsync(root, args[1..]);
        case ["sentiment", "train", ..]:
            return SentimentTrainCommand.Run(root, args[2..]);
        case ["sentiment", ..]:
            return await SentimentCommand.RunAsync(root, args[1..]);
        case ["understand", ..]:
            return UnderstandCommand.Run(root, args[1..]);
        case ["prompts", ..]:
            return PromptsCommand.Run(root, args[1..]);
        case ["agents", ..]:
            return AgentsCommand.Run(args[1..]);
    }

    await using var app = SupportBotApp.Build(root, args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is PromptFilesInvalidException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("SupportBot did not start. Fix the files above under dialogs/; 'supportbot prompts check' checks them without starting.");
    return 1;
}
