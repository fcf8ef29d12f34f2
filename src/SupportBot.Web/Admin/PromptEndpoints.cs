using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SupportBot.Core.Cases;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's prompts: every prompt of <c>dialogs/</c> by file and feeling band (<c>GET /admin/api/prompts</c>),
/// an edit checked as the files are (<c>POST …/prompts/check</c>, as the admin types), a wording filled for a sample
/// customer (<c>POST …/prompts/preview</c>), and the save (<c>POST …/prompts/save</c>), live or to the draft.
/// </summary>
public static partial class PromptEndpoints
{
    private const int SamplesPerPair = 3;

    public static RouteGroupBuilder MapPromptStudio(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/prompts", Book);
        api.MapPost("/prompts/check", Check);
        api.MapPost("/prompts/preview", PreviewAsync);
        api.MapPost("/prompts/save", SaveAsync);
        api.MapGet("/samples", Samples);
        return api;
    }

    private static IResult Book(bool? draft, StudioFiles files, PromptSource prompts)
    {
        var fromDraft = draft == true && files.Draft.Exists;
        var directory = fromDraft ? files.Draft.Directory : files.LiveDirectory;
        var loaded = PromptFileLoader.Load(directory, SupportPrompts.Definitions);
        var catalog = loaded.Catalog ?? prompts.Current;
        var definitions = SupportPrompts.Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var views = catalog.Keys
            .Where(k => catalog.Variants(k).Count > 0)
            .GroupBy(k => Path.GetFileName(catalog.Variants(k)[0].File))
            .Select(file => new PromptFileView(
                file.Key,
                Path.GetFileNameWithoutExtension(file.Key),
                StudioFiles.Read(directory, file.Key),
                [.. file.Select(key =>
                {
                    var (band, emotion) = BandOf(key);
                    var variables = definitions.TryGetValue(key, out var definition) ? definition.Variables.Keys.ToList() : [];
                    return new PromptView(key, band, emotion, variables, [.. catalog.Variants(key).Select(v => new VariantView(v.Id, v.Text, v.Line))]);
                })]))
            .ToList();
        return Results.Json(new PromptBook(fromDraft, loaded.Errors, views), AdminJson.Default.PromptBook);
    }

    /// <summary>The band an empathy line is said for, and the emotion it answers; nulls for other prompts.</summary>
    public static (string? Band, string? Emotion) BandOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = key.Split('.');
        return parts switch
        {
            ["empathy", "neutral"] => ("calm", null),
            ["empathy", "gratitude"] => ("positive", null),
            ["empathy", "improving"] => ("improving", null),
            ["empathy", var band, var emotion] => (band, emotion),
            _ => (null, null),
        };
    }

    private static IResult Check(PromptEdit body, StudioFiles files, PromptSource prompts)
    {
        if (Problem(body, needsBase: false) is { } problem)
        {
            return problem;
        }

        var directory = body.Draft && files.Draft.Exists ? files.Draft.Directory : files.LiveDirectory;
        IReadOnlyList<PromptError> errors;
        try
        {
            var changed = Apply(body, NewId(directory, prompts, body.Key!))(StudioFiles.Read(directory, body.File!));
            errors = StudioChecks.Check(directory, body.File!, changed);
        }
        catch (FormatException ex)
        {
            errors = [new PromptError($"{StudioChecks.Display}/{body.File}", 0, ex.Message)];
        }

        return Results.Json(new CheckResult(errors), AdminJson.Default.CheckResult);
    }

    private static async Task<IResult> SaveAsync(PromptEdit body, ClaimsPrincipal user, StudioFiles files, PromptSource prompts, CancellationToken cancellationToken)
    {
        if (Problem(body, needsBase: true) is { } problem)
        {
            return problem;
        }

        var directory = files.Directory(body.Draft);
        var newId = string.IsNullOrWhiteSpace(body.Id) ? NewId(directory, prompts, body.Key!) : null;
        var text = body.Text!.Trim();
        var what = newId is null ? body.Id : "new variant " + newId;
        var shown = text.Length > 90 ? text[..90] + "…" : text;
        var summary = $"{body.Key} › {what}: \"{shown}\"";
        var result = await files.SaveAsync(body.Draft, body.File!, body.Base!, Apply(body, newId), AdminEndpoints.Who(user), summary, cancellationToken).ConfigureAwait(false);
        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }

    private static Func<string, string> Apply(PromptEdit edit, string? newId) => text =>
        string.IsNullOrWhiteSpace(edit.Id)
            ? YamlEdits.Append(text, [edit.Key!], $"id: {newId}\ntext: {YamlEdits.Quote(edit.Text!.Trim())}")
            : YamlEdits.Set(text, [edit.Key!, "id=" + edit.Id, "text"], YamlEdits.Quote(edit.Text!.Trim()));

    /// <summary>An id for a new variant of <paramref name="key"/>: its variants' stem and the next number free in the whole folder.</summary>
    private static string NewId(string directory, PromptSource prompts, string key)
    {
        var catalog = PromptFileLoader.Load(directory, SupportPrompts.Definitions).Catalog ?? prompts.Current;
        var taken = catalog.Keys.SelectMany(k => catalog.Variants(k)).Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var own = catalog.Variants(key);
        var stem = own.Count > 0 ? Numbered().Replace(own[0].Id, string.Empty) : string.Join('-', key.Split('.').Skip(1)).Replace('_', '-');
        var next = own.Count + 1;
        while (taken.Contains($"{stem}-{next}"))
        {
            next++;
        }

        return $"{stem}-{next}";
    }

    private static IResult? Problem(PromptEdit body, bool needsBase)
    {
        var missing = body switch
        {
            { File: null or "" } => "file",
            { Key: null or "" } => "key",
            { Text: null } => "text",
            { Base: null } when needsBase => "base",
            _ => null,
        };
        if (missing is not null)
        {
            return AdminEndpoints.FieldProblem(missing, $"Send the {missing} of the prompt edit.");
        }

        try
        {
            _ = StudioFiles.PathOf(string.Empty, body.File!);
            return null;
        }
        catch (ArgumentException ex)
        {
            return AdminEndpoints.FieldProblem("file", ex.Message);
        }
    }

    private static async Task<IResult> PreviewAsync(PreviewRequest body, SandboxBots sandboxes, SupportCatalogSource catalogSource, IOptions<SupportOptions> options, CancellationToken cancellationToken)
    {
        if (body.Text is null || string.IsNullOrWhiteSpace(body.Key))
        {
            return AdminEndpoints.FieldProblem(body.Text is null ? "text" : "key", "Send the key and the text to preview.");
        }

        var catalog = catalogSource.Current;
        var category = catalog.Categories.FirstOrDefault(c => c.Id == body.Category) ?? catalog.Category(SupportCatalog.Other);
        var message = string.IsNullOrWhiteSpace(body.Message)
            ? Pick(LoadSamples(catalogSource), category.Id, body.Band) ?? string.Empty
            : body.Message.Trim();
        var bot = sandboxes.Live();
        var conversation = "preview-" + Guid.NewGuid().ToString("N")[..12];
        SupportCase? supportCase = null;
        if (message.Length > 0)
        {
            await bot.SayAsync(conversation, body.Name, message, cancellationToken).ConfigureAwait(false);
            supportCase = await bot.CaseAsync(conversation, cancellationToken).ConfigureAwait(false);
        }

        var firstName = supportCase?.FirstName ?? body.Name?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var amount = body.Amount is { Length: > 0 } written && MoneyReader.Read(written, options.Value.Currency) is [var money, ..] ? MoneyFormatter.Format(money) : body.Amount;
        var remedy = category.Remedies.Select(r => catalog.Remedies.GetValueOrDefault(r)).FirstOrDefault(r => r is not null);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = firstName,
            ["issue"] = supportCase?.Mirrored,
            ["target"] = supportCase?.Target ?? "this",
            ["amount"] = amount,
            ["remedy"] = remedy?.Title,
            ["open_case"] = supportCase?.Mirrored,
            ["said"] = message.Length > 0 ? message : null,
            ["category"] = category.Title,
        };
        var definition = SupportPrompts.Definitions.FirstOrDefault(d => d.Key == body.Key) ?? PromptDefinition.Of(body.Key);
        var text = PromptCatalog.Fill(definition, body.Text.Trim(), values);
        text = firstName is { Length: > 0 } ? CaseVoice.NamedOnce(text, firstName) : CaseVoice.Unnamed(text);
        return Results.Json(new PreviewResult(text, message, supportCase?.Moods.LastOrDefault()?.Feeling ?? body.Band ?? "calm", firstName), AdminJson.Default.PreviewResult);
    }

    private static IResult Samples(SupportCatalogSource catalogSource)
    {
        var categories = catalogSource.Current.Categories.Select(c => new CategoryOption(c.Id, c.Title)).ToList();
        return Results.Json(new SampleSet(categories, ExampleFileLoader.Feelings, LoadSamples(catalogSource)), AdminJson.Default.SampleSet);
    }

    /// <summary>A few labelled messages for each category and feeling band, from the reader's examples.</summary>
    private static List<SampleMessage> LoadSamples(SupportCatalogSource catalogSource)
    {
        var categories = catalogSource.Current.Categories.Select(c => c.Id).ToList();
        var (examples, _) = AnswerSource.Examples(catalogSource.Directory, categories);
        return [.. (examples?.Examples ?? [])
            .Where(e => e.Category is not null && e.Feeling is not null && e.Text.Length <= 160)
            .GroupBy(e => (e.Category, e.Feeling))
            .SelectMany(g => g.Take(SamplesPerPair))
            .Select(e => new SampleMessage(e.Text, e.Category!, e.Feeling!))];
    }

    private static string? Pick(List<SampleMessage> samples, string category, string? band) =>
        samples.FirstOrDefault(s => s.Category == category && s.Feeling == band)?.Text
        ?? samples.FirstOrDefault(s => s.Category == category)?.Text
        ?? samples.FirstOrDefault(s => s.Feeling == band)?.Text;

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex Numbered();
}
