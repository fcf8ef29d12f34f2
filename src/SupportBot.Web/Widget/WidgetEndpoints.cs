using System.Net;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SupportBot.Web.DirectLine;

namespace SupportBot.Web.Widget;

/// <summary>
/// The website widget: a page at <c>/</c> where anyone can chat with the bot, the embed script
/// (<c>/widget/embed.js</c>), the Web Chat bundle (<c>/widget/webchat.js</c>, and the React it is built on at
/// <c>/widget/react.js</c>, shipped next to the app, never from a CDN) and the look from configuration
/// (<c>/widget/config.json</c>).
/// </summary>
public static class WidgetEndpoints
{
    public static WebApplication MapWidget(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(files))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(files),
                OnPrepareResponse = context =>
                {
                    context.Context.Response.Headers.CacheControl = "public, max-age=3600";
                    context.Context.Response.Headers.AccessControlAllowOrigin = "*";
                },
            });
        }

        app.MapGet("/", Page);
        app.MapGet("/widget/config.json", Config).RequireCors(DirectLineEndpoints.CorsPolicy);
        return app;
    }

    private static IResult Page(IOptions<WidgetOptions> options)
    {
        var widget = options.Value;
        var title = WebUtility.HtmlEncode(widget.Title);
        var greeting = WebUtility.HtmlEncode(widget.Greeting);
        var accent = WebUtility.HtmlEncode(widget.AccentColor);
        var background = WebUtility.HtmlEncode(widget.BackgroundColor);
        var lang = WebUtility.HtmlEncode(string.IsNullOrEmpty(widget.Locale) ? "en" : widget.Locale);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{title}}</title>
              <style>
                html, body { height: 100%; margin: 0; }
                body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; background: {{background}}; }
                header { padding: 16px 24px; color: #fff; background: {{accent}}; }
                header h1 { margin: 0; font-size: 1.4rem; }
                header p { margin: 4px 0 0; }
                main { flex: 1; min-height: 0; display: flex; justify-content: center; }
                #webchat { width: 100%; max-width: 760px; height: 100%; background: #fff; }
              </style>
            </head>
            <body>
              <header>
                <h1>{{title}}</h1>
                <p>{{greeting}}</p>
              </header>
              <main>
                <div id="webchat" aria-label="Chat with {{title}}"></div>
              </main>
              <script src="/widget/embed.js" data-mode="page" data-target="#webchat"></script>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static IResult Config(IOptions<WidgetOptions> options)
    {
        var widget = options.Value;
        var body = new WidgetConfig(
            widget.Title,
            widget.Greeting,
            string.IsNullOrEmpty(widget.Locale) ? null : widget.Locale,
            new WidgetStyle(
                Accent: widget.AccentColor,
                BackgroundColor: widget.BackgroundColor,
                BubbleFromUserBackground: widget.AccentColor,
                BubbleFromUserTextColor: "#FFFFFF",
                BotAvatarInitials: widget.BotAvatarInitials,
                BotAvatarImage: string.IsNullOrEmpty(widget.BotAvatarImage) ? null : widget.BotAvatarImage,
                UserAvatarInitials: widget.UserAvatarInitials,
                HideUploadButton: true));
        return Results.Json(body, WidgetJson.Default.WidgetConfig);
    }
}
