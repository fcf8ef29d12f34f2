using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>A bare Kestrel app on 127.0.0.1 and a free port (or a given one) that answers every request with one handler.</summary>
public static class LoopbackServer
{
    /// <summary>Starts it; returns the app (to stop) and its root, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(RequestDelegate handler, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", $"http://127.0.0.1:{port}"] });
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
