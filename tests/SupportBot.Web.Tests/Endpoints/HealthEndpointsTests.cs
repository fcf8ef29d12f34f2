using System.Net;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Endpoints;

public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_PromptsLoaded_Returns200Ok()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.Client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
