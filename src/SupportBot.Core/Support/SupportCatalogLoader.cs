using System.Globalization;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Understanding.Entities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Core.Support;

/// <summary>
/// Reads <c>dialogs/catalog/categories.yaml</c> and <c>remedies.yaml</c>, reporting every mistake with file and
/// line: unknown fields, unknown questions or remedies, a missing "other" category, bad numbers, an unknown pays_for,
/// a remedy that does not say how it is carried out (<c>fulfil</c>), and wording that claims an action is done
/// before anything confirmed it.
/// </summary>
public static partial class SupportCatalogLoader
{
    private static readonly string[] CategoryFields = ["title", "keywords", "questions", "remedies"];
    private static readonly string[] RemedyFields = ["title", "fulfil", "next_steps", "asked", "done", "needs", "offered_when", "approval", "synonyms", "pays_for", "about"];
    private static readonly string[] FulfilFields = ["webhook", "colleague", "none"];

    /// <summary>What a remedy's money may be for (<c>pays_for</c>).</summary>
    private static readonly Dictionary<string, MoneyPurpose> PaysFor = new(StringComparer.Ordinal) { ["item"] = MoneyPurpose.Item, ["delivery"] = MoneyPurpose.Delivery };
    private static readonly string[] ApprovalFields = ["auto_up_to", "max_prior_remedies", "tiers", "always"];

    /// <summary>Loads the catalog folder (usually <c>dialogs/catalog</c>); <paramref name="display"/> names it in errors.</summary>
    public static (SupportCatalog? Catalog, IReadOnlyList<PromptError> Errors) Load(string directory, string display = "dialogs/catalog")
    {
        var errors = new List<PromptError>();
        var categoriesFile = $"{display}/categories.yaml";
        var remediesFile = $"{display}/remedies.yaml";
        var categoriesRoot = Read(Path.Combine(directory, "categories.yaml"), categoriesFile, errors);
        var remediesRoot = Read(Path.Combine(directory, "remedies.yaml"), remediesFile, errors);
        if (categoriesRoot is null || remediesRoot is null)
        {
            return (null, errors);
        }

        var remedies = new Dictionary<string, Remedy>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in remediesRoot.Children)
        {
            var id = Scalar(keyNode);
            if (value is not YamlMappingNode map)
            {
                errors.Add(new PromptError(remediesFile, Line(keyNode), $"The remedy '{id}' must have a title, next_steps and approval rules."));
                continue;
            }

            CheckFields(map, RemedyFields, remediesFile, $"remedy '{id}'", errors);
            var approval = map.Children.TryGetValue(new YamlScalarNode("approval"), out var rules) ? ParseApproval(rules, remediesFile, id, errors) : new ApprovalRules(null, null, null, false);
            var title = Text(map, "title", remediesFile, $"remedy '{id}'", errors);
            var fulfil = ParseFulfil(map, keyNode, remediesFile, id, errors);
            var wording = ReadWording(map, keyNode, fulfil, remediesFile, id, errors);
            var needs = Known(List(map, "needs", remediesFile, errors), RemedyFacts.Needs, remediesFile, $"The remedy '{id}' needs", errors);
            var offeredWhen = Known(List(map, "offered_when", remediesFile, errors), RemedyFacts.Conditions, remediesFile, $"The remedy '{id}' is offered when", errors);

            MoneyPurpose? paysFor = null;
            if (map.Children.TryGetValue(new YamlScalarNode("pays_for"), out var paysNode))
            {
                if (PaysFor.TryGetValue(Scalar(paysNode), out var purpose))
                {
                    paysFor = purpose;
                }
                else
                {
                    errors.Add(new PromptError(remediesFile, Line(paysNode), $"The remedy '{id}' pays for '{Scalar(paysNode)}'; pays_for is one of: {string.Join(", ", PaysFor.Keys)}."));
                }
            }

            remedies[id] = new Remedy(id, title, wording.GetValueOrDefault("next_steps", string.Empty), approval)
            {
                Synonyms = [.. List(map, "synonyms", remediesFile, errors).Select(w => w.Value.ToLowerInvariant())],
                PaysFor = paysFor,
                Fulfil = fulfil,
                Asked = wording.GetValueOrDefault("asked", string.Empty),
                Done = wording.GetValueOrDefault("done", string.Empty),
                Needs = needs,
                OfferedWhen = offeredWhen,
                About = About(map, remediesFile, id, errors),
            };
        }

        var categories = new List<Category>();
        foreach (var (keyNode, value) in categoriesRoot.Children)
        {
            var id = Scalar(keyNode);
            if (value is not YamlMappingNode map)
            {
                errors.Add(new PromptError(categoriesFile, Line(keyNode), $"The category '{id}' must have a title, keywords, questions and remedies."));
                continue;
            }

            CheckFields(map, CategoryFields, categoriesFile, $"category '{id}'", errors);
            var questions = List(map, "questions", categoriesFile, errors);
            foreach (var (question, line) in questions.Where(q => !SupportCatalog.KnownQuestions.Contains(q.Value)))
            {
                errors.Add(new PromptError(categoriesFile, line, $"Unknown question '{question}' in category '{id}' (known: {string.Join(", ", SupportCatalog.KnownQuestions)})."));
            }

            var remedyIds = List(map, "remedies", categoriesFile, errors);
            foreach (var (remedy, line) in remedyIds.Where(r => !remedies.ContainsKey(r.Value)))
            {
                errors.Add(new PromptError(categoriesFile, line, $"The category '{id}' offers the remedy '{remedy}', which remedies.yaml does not define."));
            }

            categories.Add(new Category(
                id,
                Text(map, "title", categoriesFile, $"category '{id}'", errors),
                [.. List(map, "keywords", categoriesFile, errors).Select(k => k.Value.ToLowerInvariant())],
                [.. questions.Select(q => q.Value)],
                [.. remedyIds.Select(r => r.Value)]));
        }

        if (!categories.Any(c => c.Id == SupportCatalog.Other))
        {
            errors.Add(new PromptError(categoriesFile, 1, $"A category '{SupportCatalog.Other}' is required, for problems no other category fits."));
        }

        return errors.Count > 0 ? (null, errors) : (new SupportCatalog(categories, remedies), errors);
    }

    /// <summary>
    /// How the remedy is carried out: exactly one of <c>webhook: NAME</c>, <c>colleague: true</c> or <c>none: true</c>.
    /// Without a valid one the remedy is an error: the bot must never promise what nobody does.
    /// </summary>
    private static RemedyFulfilment ParseFulfil(YamlMappingNode map, YamlNode keyNode, string file, string id, List<PromptError> errors)
    {
        const string How = "fulfil: { webhook: NAME } (the business's system does it, through Fulfilment:Webhooks:NAME), fulfil: { colleague: true } (a colleague does it from the console) or fulfil: { none: true } (information only, such as steps to try)";
        if (!map.Children.TryGetValue(new YamlScalarNode("fulfil"), out var node))
        {
            errors.Add(new PromptError(file, Line(keyNode), $"The remedy '{id}' does not say how it is carried out; add {How}."));
            return RemedyFulfilment.Information;
        }

        if (node is not YamlMappingNode fulfil || fulfil.Children.Count != 1)
        {
            errors.Add(new PromptError(file, Line(node), $"The remedy '{id}' must say one way it is carried out: {How}."));
            return RemedyFulfilment.Information;
        }

        CheckFields(fulfil, FulfilFields, file, $"fulfil of '{id}'", errors);
        var (wayNode, valueNode) = fulfil.Children.First();
        var (way, value) = (Scalar(wayNode), Scalar(valueNode));
        switch (way)
        {
            case "webhook" when WebhookName().IsMatch(value):
                return new RemedyFulfilment(value, Colleague: false);
            case "webhook":
                errors.Add(new PromptError(file, Line(valueNode), $"The remedy '{id}' names the webhook '{value}'; a webhook's name is letters, digits, '-' or '_', as under Fulfilment:Webhooks in appsettings.json."));
                break;
            case "colleague" or "none" when value is not ("true" or "yes"):
                errors.Add(new PromptError(file, Line(valueNode), $"In the fulfil of '{id}', write {way}: true."));
                break;
            case "colleague":
                return new RemedyFulfilment(null, Colleague: true);
        }

        return RemedyFulfilment.Information;
    }

    /// <summary>
    /// The remedy's <c>about</c>, when it has one: what it involves and how long it takes, told when the customer asks
    /// at the choice ("how long does a refund take?"). Optional; like the rest of the wording, it may not claim to be done.
    /// </summary>
    private static string About(YamlMappingNode map, string file, string id, List<PromptError> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("about"), out var node))
        {
            return string.Empty;
        }

        if (node is not YamlScalarNode { Value: { Length: > 0 } text })
        {
            errors.Add(new PromptError(file, Line(node), $"The about of '{id}' must be a sentence: what it involves and how long it takes."));
            return string.Empty;
        }

        PromptFileLoader.CheckVariables(text, SupportPrompts.NextSteps, file, Line(node), $"{id}.about", errors);
        if (CompletionClaims.Find(text) is { } claim)
        {
            errors.Add(new PromptError(file, Line(node), $"The about of '{id}' claims it is done (\"{claim}\"), but it is said before anything is; {CompletionClaims.Advice}"));
        }

        return text.Trim();
    }

    /// <summary>
    /// The remedy's wording: for information, its <c>next_steps</c>; for an action, what is said before it is
    /// confirmed (<c>asked</c>) and once it is (<c>done</c>). Only <c>done</c> may say it is done.
    /// </summary>
    private static Dictionary<string, string> ReadWording(YamlMappingNode map, YamlNode at, RemedyFulfilment fulfil, string file, string id, List<PromptError> errors)
    {
        var wanted = fulfil.IsAction ? new[] { "asked", "done" } : ["next_steps"];
        var wording = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in new[] { "next_steps", "asked", "done" })
        {
            var present = map.Children.TryGetValue(new YamlScalarNode(field), out var node);
            if (present && !wanted.Contains(field))
            {
                var why = fulfil.IsAction
                    ? "an action says 'asked' (while it is not confirmed) and 'done' (once it is), not next_steps"
                    : "information only (fulfil: { none: true }) says its next_steps; 'asked' and 'done' are for actions";
                errors.Add(new PromptError(file, Line(node!), $"The remedy '{id}' has '{field}', but {why}."));
                continue;
            }

            if (!wanted.Contains(field))
            {
                continue;
            }

            if (!present || node is not YamlScalarNode { Value: { Length: > 0 } text })
            {
                errors.Add(new PromptError(file, Line(present ? node! : at), $"The remedy '{id}' has no {field}{(fulfil.IsAction ? " (an action needs 'asked', said until it is confirmed, and 'done', said once it is)" : string.Empty)}."));
                continue;
            }

            var line = Line(node);
            PromptFileLoader.CheckVariables(text, SupportPrompts.NextSteps, file, line, $"{id}.{field}", errors);
            if (field != "done" && CompletionClaims.Find(text) is { } claim)
            {
                errors.Add(new PromptError(file, line, $"The {field} of '{id}' claims it is done (\"{claim}\"), but it is said before anything confirms it; {CompletionClaims.Advice}"));
            }

            wording[field] = text.Trim();
        }

        return wording;
    }

    private static List<string> Known(List<(string Value, int Line)> values, IReadOnlyList<string> known, string file, string what, List<PromptError> errors)
    {
        foreach (var (value, line) in values.Where(v => !known.Contains(v.Value)))
        {
            errors.Add(new PromptError(file, line, $"{what} '{value}', which is not one of: {string.Join(", ", known)}."));
        }

        return [.. values.Select(v => v.Value).Where(known.Contains)];
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial System.Text.RegularExpressions.Regex WebhookName();

    private static YamlMappingNode? Read(string path, string display, List<PromptError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new PromptError(display, 0, "The file is missing."));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            errors.Add(new PromptError(display, (int)ex.Start.Line, $"The file is not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PromptError(display, 1, "The file must be a mapping of ids to entries."));
            return null;
        }

        return root;
    }

    private static ApprovalRules ParseApproval(YamlNode node, string file, string id, List<PromptError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(new PromptError(file, Line(node), $"The approval rules of '{id}' must be a mapping (auto_up_to, max_prior_remedies, tiers, always)."));
            return new ApprovalRules(null, null, null, true);
        }

        CheckFields(map, ApprovalFields, file, $"approval rules of '{id}'", errors);
        decimal? upTo = null;
        int? prior = null;
        var always = false;
        if (map.Children.TryGetValue(new YamlScalarNode("auto_up_to"), out var upToNode))
        {
            upTo = decimal.TryParse(Scalar(upToNode), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : Bad<decimal?>(upToNode, "auto_up_to must be a non-negative amount");
        }

        if (map.Children.TryGetValue(new YamlScalarNode("max_prior_remedies"), out var priorNode))
        {
            prior = int.TryParse(Scalar(priorNode), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : Bad<int?>(priorNode, "max_prior_remedies must be a whole number");
        }

        if (map.Children.TryGetValue(new YamlScalarNode("always"), out var alwaysNode))
        {
            always = Scalar(alwaysNode) is "true" or "yes" or "True";
        }

        var tiers = map.Children.ContainsKey(new YamlScalarNode("tiers")) ? List(map, "tiers", file, errors).Select(t => t.Value).ToList() : null;
        return new ApprovalRules(upTo, prior, tiers, always);

        T Bad<T>(YamlNode at, string message)
        {
            errors.Add(new PromptError(file, Line(at), $"In the approval rules of '{id}': {message}."));
            return default!;
        }
    }

    private static void CheckFields(YamlMappingNode map, string[] allowed, string file, string what, List<PromptError> errors)
    {
        foreach (var key in map.Children.Keys.Where(k => !allowed.Contains(Scalar(k))))
        {
            errors.Add(new PromptError(file, Line(key), $"Unknown field '{Scalar(key)}' in the {what} (allowed: {string.Join(", ", allowed)})."));
        }
    }

    private static string Text(YamlMappingNode map, string field, string file, string what, List<PromptError> errors)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(field), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value.Trim();
        }

        errors.Add(new PromptError(file, Line(map), $"The {what} has no {field}."));
        return string.Empty;
    }

    private static List<(string Value, int Line)> List(YamlMappingNode map, string field, string file, List<PromptError> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(field), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(new PromptError(file, Line(node), $"'{field}' must be a list, e.g. [a, b]."));
            return [];
        }

        return [.. sequence.Children.OfType<YamlScalarNode>().Where(s => !string.IsNullOrWhiteSpace(s.Value)).Select(s => (s.Value!.Trim(), Line(s)))];
    }

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
