using SupportBot.Web.Cli;
using SupportBot.Web.Hosting;

var root = AppRoot.Find();
if (args is ["chat", ..])
{
    return await ChatCommand.RunAsync(root, args[1..]);
}

await using var app = SupportBotApp.Build(root, args);
await app.RunAsync();
return 0;
