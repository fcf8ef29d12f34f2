using System.Text;
using SupportBot.Core.PromptFiles;

namespace SupportBot.Web.Endpoints;

/// <summary>
/// <c>GET /healthz</c> for probes (always 200 while the bot can answer: a refused prompt edit leaves the last good
/// prompts live, so it is reported, not failed) and <c>GET /healthz/prompts</c> for signed-in admins (it names files).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (PromptSource prompts) => Results.Text(HealthText(prompts.LastErrors)));
        app.MapGet("/healthz/prompts", (PromptSource prompts) => TypedResults.Ok(PromptHealth.Of(prompts))).RequireAuthorization(Agents.AgentRoles.Admin);
        return app;
    }

    private static string HealthText(IReadOnlyList<PromptError> errors)
    {
        if (errors.Count == 0)
        {
            return "ok\n";
        }

        var text = new StringBuilder($"ok; the last prompt edit was refused ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}); the previous prompts are live\n");
        foreach (var error in errors)
        {
            text.Append(error).Append('\n');
        }

        return text.ToString();
    }
}
