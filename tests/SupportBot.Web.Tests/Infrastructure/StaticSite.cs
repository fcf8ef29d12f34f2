using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>A customer's own website on another origin (its own Kestrel port), serving one page that tests set.</summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSite(WebApplication app, string origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary>e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public string Origin { get; }

    /// <summary>The page served at <c>/</c>.</summary>
    public string Html { get; set; } = "<!DOCTYPE html><title>empty</title>";

    public static async Task<StaticSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StaticSite? site = null;
        app.MapGet("/", () => Results.Content(site!.Html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        site = new StaticSite(app, address.TrimEnd('/'));
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
