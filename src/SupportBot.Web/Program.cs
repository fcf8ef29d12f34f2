using SupportBot.Web.Channels;
using SupportBot.Web.Cli;
using SupportBot.Web.Endpoints;
using SupportBot.Web.Hosting;

var root = AppRoot.Find();
if (args is ["chat", ..])
{
    return await ChatCommand.RunAsync(root, args[1..]);
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
builder.Services.AddProblemDetails();
builder.Services.AddActivityJson();
builder.Services.AddSupportBot(builder.Configuration, root);
builder.Services.AddConnector(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealth();
app.MapMessages();
await app.RunAsync();
return 0;
