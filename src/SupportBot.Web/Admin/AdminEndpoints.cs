using System.Security.Claims;
using Microsoft.Extensions.Options;
using SupportBot.Core.PromptFiles;
using SupportBot.Web.Agents;
using SupportBot.Web.Storage;

namespace SupportBot.Web.Admin;

/// <summary>
/// The admin studio at <c>/admin</c>, for the <c>admin</c> role only (the agent console's sign-in and cookie; an agent
/// gets 403 on every page and API here): its pages (prompts, understanding, remedies, test chat; the dashboard and
/// conversation review link from the same navigation), their scripts, and the JSON API under <c>/admin/api</c>,
/// whose changes need the console's <see cref="AgentEndpoints.AgentHeader"/>.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>The studio's pages: each opens the same page at its section.</summary>
    public static readonly IReadOnlyList<string> Sections = ["prompts", "understanding", "remedies", "test"];

    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["studio.js"] = "text/javascript; charset=utf-8",
        ["studio-prompts.js"] = "text/javascript; charset=utf-8",
        ["studio-understanding.js"] = "text/javascript; charset=utf-8",
        ["studio-remedies.js"] = "text/javascript; charset=utf-8",
        ["studio-chat.js"] = "text/javascript; charset=utf-8",
    };

    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration, string root)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<EditHistory>();
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
            return new DraftFolder(Path.Combine(root, data, "studio-draft"), sp.GetRequiredService<PromptSource>().Directory);
        });
        services.AddSingleton<StudioFiles>();
        services.AddSingleton<SandboxBots>();
        services.AddSingleton<MessageTrial>();
        services.AddSingleton<TestChats>();
        services.AddSingleton<AccuracyBoard>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", Page).RequireAuthorization(AgentRoles.Admin);
        foreach (var section in Sections)
        {
            app.MapGet($"/admin/{section}", Page).RequireAuthorization(AgentRoles.Admin);
        }

        app.MapGet("/admin/assets/{name}", Asset).RequireAuthorization(AgentRoles.Admin);

        // Anything else under /admin is for admins too: an agent gets 403 there, never a hint of what exists.
        app.Map("/admin/{**rest}", () => Results.NotFound()).RequireAuthorization(AgentRoles.Admin);
        var api = MapAdminApi(app);
        api.MapGet("/me", (ClaimsPrincipal user, AgentDirectory agents) => Results.Json(new AdminView(Who(user), AgentEndpoints.AgentName(user, agents)), AdminJson.Default.AdminView));
        api.MapPromptStudio();
        api.MapHistory();
        api.MapDraft();
        api.MapUnderstandingStudio();
        api.MapRemedyStudio();
        api.MapPost("/try", TryAsync);
        return app;
    }

    /// <summary>The studio's API group (<c>/admin/api</c>): admins only, and every change with the console's header, which another site's page cannot send.</summary>
    public static RouteGroupBuilder MapAdminApi(IEndpointRouteBuilder app) =>
        app.MapGroup("/admin/api").RequireAuthorization(AgentRoles.Admin).AddEndpointFilter(async (context, next) =>
            HttpMethods.IsGet(context.HttpContext.Request.Method) || context.HttpContext.Request.Headers[AgentEndpoints.AgentHeader] == AgentEndpoints.AgentHeaderValue
                ? await next(context).ConfigureAwait(false)
                : Results.Problem($"Send the {AgentEndpoints.AgentHeader}: {AgentEndpoints.AgentHeaderValue} header with every change.", statusCode: StatusCodes.Status403Forbidden));

    /// <summary>The signed-in admin's sign-in name, as the history records it.</summary>
    public static string Who(ClaimsPrincipal user) => user?.Identity?.Name ?? "unknown";

    /// <summary>A 400 naming the field the client got wrong.</summary>
    public static IResult FieldProblem(string field, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });

    private static IResult Page() => Results.Content(Resource("studio.html"), "text/html; charset=utf-8");

    private static IResult Asset(string name, HttpContext http)
    {
        if (!Assets.TryGetValue(name, out var type))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        return Results.Content(Resource(name), type);
    }

    private static async Task<IResult> TryAsync(TrialRequest body, MessageTrial trial, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 2000)
        {
            return FieldProblem("text", "Write a message of 1 to 2,000 characters to try.");
        }

        try
        {
            return Results.Json(await trial.TryAsync(body.Text.Trim(), body.Name, body.Draft, cancellationToken).ConfigureAwait(false), AdminJson.Default.TrialResult);
        }
        catch (PromptFilesInvalidException ex)
        {
            return Results.Problem($"The draft fails the checks, so nothing can be tried on it: {ex.Message}", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static string Resource(string name)
    {
        using var stream = typeof(AdminEndpoints).Assembly.GetManifestResourceStream($"SupportBot.Web.Admin.{name}")
            ?? throw new InvalidOperationException($"The studio's {name} is not built into the app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
