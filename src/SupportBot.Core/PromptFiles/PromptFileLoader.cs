using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// Reads and validates <c>dialogs/*.yaml</c>. Every error names its file and line: broken YAML, unknown keys,
/// variants without id or text, duplicate ids, unknown or malformed variables, prompts the code needs but no file
/// defines, and breaches of the craft rules (<see cref="PromptCraftRules"/>). Any error means no catalog, so the
/// caller keeps the last good one.
/// </summary>
public static partial class PromptFileLoader
{
    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="directory"/> against the prompt keys the code uses.</summary>
    public static PromptLoadResult Load(string directory, IReadOnlyCollection<PromptDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var display = DisplayName(directory);
        if (!Directory.Exists(directory))
        {
            return new PromptLoadResult(null, [new PromptError(display, 0, "The prompt folder does not exist.")]);
        }

        // Files change under a running bot (an editor saving, a deploy replacing the folder): a file that vanishes or
        // is locked between listing and reading is reported like any other error, never thrown at the caller.
        var sources = new List<(string Name, string Text)>();
        var errors = new List<PromptError>();
        try
        {
            var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var name = $"{display}/{Path.GetFileName(file)}";
                try
                {
                    sources.Add((name, File.ReadAllText(file)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    errors.Add(new PromptError(name, 0, $"The file could not be read: {ex.Message}"));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new PromptLoadResult(null, [new PromptError(display, 0, $"The prompt folder could not be read: {ex.Message}")]);
        }

        var result = Parse(sources, definitions, display);
        return errors.Count == 0 ? result : new PromptLoadResult(null, [.. errors.Concat(result.Errors).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)]);
    }

    /// <summary>Validates prompt file contents given as (file name, text) pairs.</summary>
    public static PromptLoadResult Parse(IReadOnlyList<(string Name, string Text)> files, IReadOnlyCollection<PromptDefinition> definitions, string folder = "dialogs")
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(definitions);
        var known = definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var prompts = new Dictionary<string, IReadOnlyList<PromptVariant>>(StringComparer.Ordinal);
        var ids = new Dictionary<string, PromptVariant>(StringComparer.Ordinal);
        var errors = new List<PromptError>();
        var unreadable = false;
        foreach (var (name, text) in files)
        {
            unreadable |= !ParseFile(name, text, known, prompts, ids, errors);
        }

        // A file that is not YAML at all hides which keys it meant to define: report it alone, not every key as missing.
        foreach (var definition in definitions.Where(d => !unreadable && !prompts.ContainsKey(d.Key)))
        {
            errors.Add(new PromptError(folder, 0, $"The prompt '{definition.Key}' is required but no file defines it."));
        }

        errors.AddRange(PromptCraftRules.Check(prompts, known));

        // Top to bottom, file by file, as an author fixes them; the folder's own errors (missing prompts) first.
        return errors.Count > 0
            ? new PromptLoadResult(null, [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)])
            : new PromptLoadResult(new PromptCatalog(prompts, known), errors);
    }

    private static bool ParseFile(string file, string text, Dictionary<string, PromptDefinition> known, Dictionary<string, IReadOnlyList<PromptVariant>> prompts, Dictionary<string, PromptVariant> ids, List<PromptError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new PromptError(file, (int)ex.Start.Line, $"The file is not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return false;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PromptError(file, Line(stream.Documents[0].RootNode), "The file must be a mapping of prompt keys to lists of variants."));
            return false;
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (!known.TryGetValue(key, out var definition))
            {
                errors.Add(new PromptError(file, Line(keyNode), $"Unknown prompt key '{key}'. {Suggest(key, known.Keys)}"));
                continue;
            }

            if (prompts.ContainsKey(key))
            {
                errors.Add(new PromptError(file, Line(keyNode), $"The prompt '{key}' is defined twice."));
                continue;
            }

            if (valueNode is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                errors.Add(new PromptError(file, Line(valueNode), $"The prompt '{key}' must be a list of variants, each with an id and a text."));
                continue;
            }

            var variants = new List<PromptVariant>();
            foreach (var item in sequence.Children)
            {
                if (ParseVariant(file, key, item, definition, errors) is { } variant)
                {
                    if (ids.TryGetValue(variant.Id, out var first))
                    {
                        errors.Add(new PromptError(file, variant.Line, $"The variant id '{variant.Id}' is already used at {first.File}:{first.Line}; ids must be unique."));
                        continue;
                    }

                    ids[variant.Id] = variant;
                    variants.Add(variant);
                }
            }

            prompts[key] = variants;
        }

        return true;
    }

    private static PromptVariant? ParseVariant(string file, string key, YamlNode item, PromptDefinition definition, List<PromptError> errors)
    {
        if (item is not YamlMappingNode mapping)
        {
            errors.Add(new PromptError(file, Line(item), $"Each variant of '{key}' must have an id and a text (e.g. '- id: {key.Replace('.', '-')}-1')."));
            return null;
        }

        string? id = null;
        var idLine = Line(mapping);
        YamlScalarNode? textNode = null;
        foreach (var (fieldNode, fieldValue) in mapping.Children)
        {
            switch ((fieldNode as YamlScalarNode)?.Value)
            {
                case "id":
                    id = (fieldValue as YamlScalarNode)?.Value;
                    idLine = Line(fieldNode);
                    break;
                case "text":
                    textNode = fieldValue as YamlScalarNode;
                    break;
                default:
                    errors.Add(new PromptError(file, Line(fieldNode), $"Unknown field '{(fieldNode as YamlScalarNode)?.Value}' in a variant of '{key}'; a variant has an id and a text."));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new PromptError(file, Line(mapping), $"A variant of '{key}' has no id."));
            return null;
        }

        if (string.IsNullOrWhiteSpace(textNode?.Value))
        {
            errors.Add(new PromptError(file, Line(mapping), $"The variant '{id}' of '{key}' has no text."));
            return null;
        }

        var text = textNode.Value.Trim();
        var line = Line(textNode);
        return CheckVariables(text, definition, file, line, id, errors) ? new PromptVariant(id, text, file, idLine) { TextLine = line } : null;
    }

    /// <summary>
    /// Checks that <paramref name="text"/> uses only the variables <paramref name="definition"/> allows and writes
    /// them well; adds an error with <paramref name="file"/> and <paramref name="line"/> for each mistake, naming
    /// <paramref name="what"/>. The prompt files and the catalog's wording are held to the same rules.
    /// </summary>
    public static bool CheckVariables(string text, PromptDefinition definition, string file, int line, string what, List<PromptError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(errors);
        var valid = true;
        foreach (Match match in Placeholder().Matches(text))
        {
            var variable = match.Groups[1].Value;
            if (!definition.Variables.ContainsKey(variable))
            {
                var allowed = definition.Variables.Count == 0 ? "this prompt takes no variables" : $"allowed here: {string.Join(", ", definition.Variables.Keys.Select(v => $"{{{v}}}"))}";
                errors.Add(new PromptError(file, line, $"Unknown variable '{{{variable}}}' in '{what}' ({allowed})."));
                valid = false;
            }
        }

        if (Placeholder().Replace(text, string.Empty).IndexOfAny(['{', '}']) >= 0)
        {
            errors.Add(new PromptError(file, line, $"Unbalanced '{{' or '}}' in '{what}'; variables are written {{name}}."));
            valid = false;
        }

        return valid;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string Suggest(string key, IEnumerable<string> known)
    {
        var prefix = key.Split('.')[0];
        var near = known.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return near.Count > 0 ? $"Known keys in '{prefix}': {string.Join(", ", near)}." : "Check the spelling against the keys the bot uses.";
    }

    private static string DisplayName(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}
