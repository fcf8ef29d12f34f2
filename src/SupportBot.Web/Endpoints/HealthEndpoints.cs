using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Endpoints;

/// <summary><c>GET /healthz</c> for probes, and a plain line at <c>/</c> until the web widget takes that page.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (PromptSource prompts) => prompts.LastErrors.Count == 0
            ? Results.Text("ok\n")
            : Results.Text($"ok; the last prompt edit was refused ({prompts.LastErrors.Count} errors); the previous prompts are live\n"));
        app.MapGet("/", () => Results.Text("SupportBot is running. Channels POST Bot Framework activities to /api/messages.\n"));
        return app;
    }
}
