using SupportBot.Web.Channels;
using SupportBot.Web.Endpoints;

namespace SupportBot.Web.Hosting;

/// <summary>Builds the web host: the table of contents of what the app serves. Tests build the same app on a free port.</summary>
public static class SupportBotApp
{
    public static WebApplication Build(string root, string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = root });
        builder.Services.AddProblemDetails();
        builder.Services.AddActivityJson();
        builder.Services.AddSupportBot(builder.Configuration, root);
        builder.Services.AddConnector(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealth();
        app.MapMessages();
        return app;
    }
}
