using System.Security.Claims;

namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's history (<c>GET /admin/api/history</c>: who changed which file, what and when, newest first) and
/// roll-back in one click (<c>POST /admin/api/history/{id}/rollback</c>): the file goes back to how it was before
/// that change, checked and applied like any save, and refused with a diff when the file changed since.
/// </summary>
public static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/history", ListAsync);
        api.MapPost("/history/{id}/rollback", RollBackAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(string? file, EditHistory history, CancellationToken cancellationToken)
    {
        var entries = await history.ListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<HistoryEntry> shown = string.IsNullOrEmpty(file) ? entries : [.. entries.Where(e => e.File == file)];
        return Results.Json(shown, AdminJson.Default.IReadOnlyListHistoryEntry);
    }

    private static async Task<IResult> RollBackAsync(string id, ClaimsPrincipal user, StudioFiles files, CancellationToken cancellationToken)
    {
        if (await files.History.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return Results.Problem($"No change '{id}' is remembered.", statusCode: StatusCodes.Status404NotFound);
        }

        var (entry, texts) = found;

        var result = await files.SaveAsync(false, entry.File, texts.After, _ => texts.Before, AdminEndpoints.Who(user), $"rolled back: {entry.Summary}", cancellationToken, rollsBack: entry.Id).ConfigureAwait(false);
        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }
}
