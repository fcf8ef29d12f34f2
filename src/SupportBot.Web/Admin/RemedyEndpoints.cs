using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Core.Cases;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's remedies: each with its wording and approval rules (<c>GET /admin/api/remedies</c>), which past cases
/// a change of the rules would have sent to a person (<c>POST …/remedies/impact</c>), and the save
/// (<c>POST …/remedies/save</c>), checked like any edit of <c>remedies.yaml</c>.
/// </summary>
public static class RemedyEndpoints
{
    private const string RemediesFile = "catalog/remedies.yaml";

    public static RouteGroupBuilder MapRemedyStudio(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/remedies", Book);
        api.MapPost("/remedies/impact", ImpactAsync);
        api.MapPost("/remedies/save", SaveAsync);
        return api;
    }

    private static IResult Book(bool? draft, StudioFiles files, SupportCatalogSource live, IOptions<SupportOptions> options)
    {
        var fromDraft = draft == true && files.Draft.Exists;
        var directory = fromDraft ? files.Draft.Directory : files.LiveDirectory;
        var catalog = SupportCatalogLoader.Load(Path.Combine(directory, "catalog")).Catalog ?? live.Current;
        var remedies = catalog.Remedies.Values.Select(r => new RemedyView(
            r.Id,
            r.Title,
            r.PaysFor?.ToString().ToLowerInvariant(),
            r.Fulfil.Webhook is { } webhook ? $"webhook {webhook}" : r.Fulfil.Colleague ? "colleague" : "information only",
            r.Asked,
            r.Done,
            r.NextSteps,
            r.About,
            new ApprovalView(r.Approval.AutoUpTo, r.Approval.MaxPriorRemedies, r.Approval.Tiers, r.Approval.Always),
            [.. catalog.Categories.Where(c => c.Remedies.Contains(r.Id)).Select(c => c.Title)])).ToList();
        return Results.Json(new RemedyBook(fromDraft, StudioFiles.Read(directory, RemediesFile), options.Value.Currency, remedies), AdminJson.Default.RemedyBook);
    }

    private static async Task<IResult> ImpactAsync(RemedyEdit body, SupportCatalogSource catalog, Outbox outbox, HandoffDesk desk, IOptions<SupportOptions> options, CancellationToken cancellationToken)
    {
        if (body.Id is null || !catalog.Current.Remedies.TryGetValue(body.Id, out var remedy) || body.Approval is null)
        {
            return AdminEndpoints.FieldProblem(body.Approval is null ? "approval" : "id", "Send a remedy of the catalog and its proposed approval rules.");
        }

        var proposed = remedy with { Approval = Rules(body.Approval) };
        var currency = options.Value.Currency;
        var cases = new List<(PastCase Case, MoneyAmount? Amount, string Tier)>();
        var statuses = Enum.GetValues<FulfilmentStatus>().Select(s => JsonSerializer.Serialize(s, StateJson.Options).Trim('"')).ToList();
        foreach (var row in await outbox.WithStatusAsync(statuses, cancellationToken).ConfigureAwait(false))
        {
            var action = FulfilmentOutbox.Read(row);
            if (action.RemedyId == remedy.Id)
            {
                cases.Add((new PastCase(action.CaseId, action.CustomerName, action.Amount?.ToString(), action.CreatedAt, "granted", null), action.Amount, "standard"));
            }
        }

        foreach (var open in await desk.OpenCasesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (open.Case.RemedyId == remedy.Id)
            {
                var amount = open.Case.RemedyAmount();
                cases.Add((new PastCase(open.CaseId, open.Case.FirstName, amount?.ToString(), open.CreatedAt, "handed over", null), amount, open.Case.Tier));
            }
        }

        var toPerson = new List<PastCase>();
        var automatic = new List<PastCase>();
        foreach (var (past, amount, tier) in cases.OrderByDescending(c => c.Case.At))
        {
            var profile = new UserProfile { Tier = tier };
            var before = RemedyAdvisor.Check(remedy, amount, profile, currency);
            var after = RemedyAdvisor.Check(proposed, amount, profile, currency);
            if (before.AutoApproved && !after.AutoApproved)
            {
                toPerson.Add(past with { Reason = after.Reason });
            }
            else if (!before.AutoApproved && after.AutoApproved)
            {
                automatic.Add(past);
            }
        }

        const string Note = "Past cases are the remedies granted so far (the outbox's actions) and the cases waiting for a colleague (the desk), read as a standard-tier customer with no earlier remedies unless the case says otherwise.";
        return Results.Json(new RuleImpact(cases.Count, toPerson, automatic, Note), AdminJson.Default.RuleImpact);
    }

    private static async Task<IResult> SaveAsync(RemedyEdit body, ClaimsPrincipal user, StudioFiles files, SupportCatalogSource catalog, CancellationToken cancellationToken)
    {
        if (body.Id is null || !catalog.Current.Remedies.ContainsKey(body.Id))
        {
            return AdminEndpoints.FieldProblem("id", "Send a remedy of the catalog.");
        }

        if (body.Base is null)
        {
            return AdminEndpoints.FieldProblem("base", "Send remedies.yaml as you opened it.");
        }

        var id = body.Id;
        var summary = body.Approval is { } rules ? $"{id}: approval {Describe(rules)}" : $"{id}: wording";
        var result = await files.SaveAsync(body.Draft, RemediesFile, body.Base, yaml => Edit(yaml, id, body), AdminEndpoints.Who(user), summary, cancellationToken).ConfigureAwait(false);
        return Results.Json(result, AdminJson.Default.SaveResult, statusCode: result.StatusCode);
    }

    private static string Edit(string yaml, string id, RemedyEdit body)
    {
        foreach (var (field, value) in new[] { ("title", body.Title), ("asked", body.Asked), ("done", body.Done), ("next_steps", body.NextSteps), ("about", body.About) })
        {
            if (!string.IsNullOrWhiteSpace(value) && YamlEdits.Read(yaml, [id, field]) != value.Trim())
            {
                yaml = YamlEdits.Set(yaml, [id, field], YamlEdits.Quote(value.Trim()));
            }
        }

        return body.Approval is { } approval ? YamlEdits.Set(yaml, [id, "approval"], Block(approval)) : yaml;
    }

    /// <summary>The <c>approval:</c> block as YAML: only the rules that are set.</summary>
    private static string Block(ApprovalView approval)
    {
        var lines = new List<string>();
        if (approval.AutoUpTo is { } upTo)
        {
            lines.Add($"auto_up_to: {YamlEdits.Number(upTo)}");
        }

        if (approval.MaxPriorRemedies is { } prior)
        {
            lines.Add($"max_prior_remedies: {prior}");
        }

        if (approval.Tiers is { Count: > 0 } tiers)
        {
            lines.Add($"tiers: {YamlEdits.FlowList(tiers)}");
        }

        if (approval.Always)
        {
            lines.Add("always: true");
        }

        return lines.Count == 0 ? "{}" : string.Join('\n', lines);
    }

    private static ApprovalRules Rules(ApprovalView view) =>
        new(view.AutoUpTo, view.MaxPriorRemedies, view.Tiers is { Count: > 0 } tiers ? tiers : null, view.Always);

    private static string Describe(ApprovalView rules) =>
        rules.Always ? "always a colleague" : string.Join(", ", new[]
        {
            rules.AutoUpTo is { } upTo ? $"automatic up to {YamlEdits.Number(upTo)}" : null,
            rules.MaxPriorRemedies is { } prior ? $"at most {prior} earlier remedies" : null,
            rules.Tiers is { Count: > 0 } tiers ? $"tiers {string.Join("/", tiers)}" : null,
        }.Where(s => s is not null)) is { Length: > 0 } said ? said : "no limits";
}
