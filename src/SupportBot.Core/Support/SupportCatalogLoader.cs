using System.Globalization;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Understanding.Entities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Core.Support;

/// <summary>
/// Reads <c>dialogs/catalog/categories.yaml</c> and <c>remedies.yaml</c>, reporting every mistake with file and
/// line: unknown fields, unknown questions or remedies, a missing "other" category, bad numbers, an unknown pays_for.
/// </summary>
public static class SupportCatalogLoader
{
    private static readonly string[] CategoryFields = ["title", "keywords", "questions", "remedies"];
    private static readonly string[] RemedyFields = ["title", "next_steps", "approval", "synonyms", "pays_for"];

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
            var next = Text(map, "next_steps", remediesFile, $"remedy '{id}'", errors);
            if (map.Children.TryGetValue(new YamlScalarNode("next_steps"), out var nextNode))
            {
                PromptFileLoader.CheckVariables(next, SupportPrompts.NextSteps, remediesFile, Line(nextNode), $"{id}.next_steps", errors);
            }

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

            remedies[id] = new Remedy(id, title, next, approval)
            {
                Synonyms = [.. List(map, "synonyms", remediesFile, errors).Select(w => w.Value.ToLowerInvariant())],
                PaysFor = paysFor,
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
