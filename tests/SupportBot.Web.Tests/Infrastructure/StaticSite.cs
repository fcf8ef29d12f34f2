using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>A customer's own website on another origin (its own Kestrel port), serving one page that tests set.</summary>
public sealed class StaticSite : IAsyncDisposable
{
    private WebApplication _app = null!;

    private StaticSite()
    {
    }

    /// <summary>e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public string Origin { get; private set; } = null!;

    /// <summary>The page served at <c>/</c>.</summary>
    public string Html { get; set; } = "<!DOCTYPE html><title>empty</title>";

    public static async Task<StaticSite> StartAsync()
    {
        var site = new StaticSite();
        (site._app, var root) = await LoopbackServer.StartAsync(http => http.Request.Path == "/"
            ? Results.Content(site.Html, "text/html; charset=utf-8").ExecuteAsync(http)
            : Results.NotFound().ExecuteAsync(http));
        site.Origin = root.GetLeftPart(UriPartial.Authority);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
