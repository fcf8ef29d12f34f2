using System.Security.Claims;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's understanding: each category with its examples, keywords, clarifying questions, remedies and
/// cross-validated accuracy (<c>GET /admin/api/understanding</c>), an example added in one click
/// (<c>POST …/understanding/examples</c>) and a category's keywords (<c>POST …/understanding/keywords</c>), saved and
/// checked like any edit of the files; the accuracy is computed again after each.
/// </summary>
public static class UnderstandingEndpoints
{
    private const string ExamplesFile = "catalog/examples.yaml";
    private const string CategoriesFile = "catalog/categories.yaml";

    public static RouteGroupBuilder MapUnderstandingStudio(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/understanding", View);
        api.MapPost("/understanding/examples", AddExampleAsync);
        api.MapPost("/understanding/keywords", KeywordsAsync);
        return api;
    }

    private static IResult View(bool? draft, StudioFiles files, SupportCatalogSource liveCatalog, PromptSource prompts, AccuracyBoard board)
    {
        var fromDraft = draft == true && files.Draft.Exists;
        var directory = fromDraft ? files.Draft.Directory : files.LiveDirectory;
        var folder = Path.Combine(directory, "catalog");
        var catalog = SupportCatalogLoader.Load(folder).Catalog ?? liveCatalog.Current;
        var wording = PromptFileLoader.Load(directory, SupportPrompts.Definitions).Catalog ?? prompts.Current;
        var (examples, _) = AnswerSource.Examples(folder, [.. catalog.Categories.Select(c => c.Id)]);
        var all = examples?.Examples ?? [];
        var accuracy = board.For(folder);
        var categories = catalog.Categories.Select(c => new CategoryView(
            c.Id,
            c.Title,
            c.Keywords,
            [.. c.Questions.Select(q => new QuestionView(q, wording.Variants(SupportPrompts.Question(q)) is [var first, ..] ? first.Text : q))],
            [.. c.Remedies.Select(r => new CategoryOption(r, catalog.Remedies.TryGetValue(r, out var remedy) ? remedy.Title : r))],
            [.. all.Where(e => e.Category == c.Id && e.File.EndsWith("/examples.yaml", StringComparison.Ordinal)).Select(e => e.Text)],
            all.Count(e => e.Category == c.Id),
            accuracy.Report?.Categories.FirstOrDefault(a => a.Category == c.Id))).ToList();
        return Results.Json(
            new UnderstandingView(fromDraft, StudioFiles.Read(directory, ExamplesFile), StudioFiles.Read(directory, CategoriesFile), accuracy, categories),
            AdminJson.Default.UnderstandingView);
    }

    private static async Task<IResult> AddExampleAsync(ExampleAdd body, ClaimsPrincipal user, StudioFiles files, SupportCatalogSource catalog, AccuracyBoard board, CancellationToken cancellationToken)
    {
        var text = body.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 1000)
        {
            return AdminEndpoints.FieldProblem("text", "Write the example message, 1 to 1,000 characters.");
        }

        if (string.IsNullOrWhiteSpace(body.Category) || catalog.Current.Categories.All(c => c.Id != body.Category))
        {
            return AdminEndpoints.FieldProblem("category", $"Pick one of the categories: {string.Join(", ", catalog.Current.Categories.Select(c => c.Id))}.");
        }

        if (body.Base is null)
        {
            return AdminEndpoints.FieldProblem("base", "Send the examples file as you opened it.");
        }

        var result = await files.SaveAsync(body.Draft, ExamplesFile, body.Base, yaml => AddExample(yaml, body.Category, text), AdminEndpoints.Who(user), $"example for {body.Category}: \"{text}\"", cancellationToken).ConfigureAwait(false);
        if (result.Status == SaveResult.Saved)
        {
            board.For(Path.Combine(files.Directory(body.Draft), "catalog"));
        }

        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }

    private static string AddExample(string yaml, string category, string text)
    {
        try
        {
            return YamlEdits.Append(yaml, ["categories", category], YamlEdits.Quote(text));
        }
        catch (FormatException)
        {
            // A category with no examples in the file yet gets a list of its own.
            return YamlEdits.Set(yaml, ["categories", category], $"[{YamlEdits.Quote(text)}]");
        }
    }

    private static async Task<IResult> KeywordsAsync(KeywordsEdit body, ClaimsPrincipal user, StudioFiles files, SupportCatalogSource catalog, AccuracyBoard board, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Category) || catalog.Current.Categories.All(c => c.Id != body.Category))
        {
            return AdminEndpoints.FieldProblem("category", "Pick one of the catalog's categories.");
        }

        if (body.Keywords is null || body.Base is null)
        {
            return AdminEndpoints.FieldProblem(body.Keywords is null ? "keywords" : "base", "Send the keywords and the categories file as you opened it.");
        }

        var keywords = body.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = await files.SaveAsync(body.Draft, CategoriesFile, body.Base, yaml => YamlEdits.Set(yaml, [body.Category, "keywords"], YamlEdits.FlowList(keywords)), AdminEndpoints.Who(user), $"keywords of {body.Category}: {string.Join(", ", keywords)}", cancellationToken).ConfigureAwait(false);
        if (result.Status == SaveResult.Saved)
        {
            board.For(Path.Combine(files.Directory(body.Draft), "catalog"));
        }

        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }
}
