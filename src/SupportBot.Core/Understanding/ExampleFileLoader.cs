using SupportBot.Core.PromptFiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Reads <c>dialogs/catalog/examples.yaml</c>: example messages per category (<c>categories:</c>), per kind
/// (<c>kinds:</c>), and labeled tab-separated files to learn from too (<c>include:</c>, columns <c>text</c>,
/// <c>category</c> and optionally <c>kind</c>). Every mistake is reported with file and line: an unknown category or
/// kind, an empty or duplicate example, a missing include, a category without examples.
/// </summary>
public static class ExampleFileLoader
{
    /// <summary>The file's name in the catalog folder.</summary>
    public const string FileName = "examples.yaml";

    /// <summary>The categories the shipped catalog has; examples may use them even before <c>categories.yaml</c> lists them all.</summary>
    public static readonly IReadOnlyList<string> StandardCategories = ["delivery", "damaged", "billing", "account", "technical", "service", "cancel_return", "question", "other"];

    /// <summary>The kinds a model learns; greeting and thanks may have examples too, though rules read them first.</summary>
    public static readonly IReadOnlyList<string> Kinds = [.. Enum.GetNames<MessageKind>().Select(k => k.ToLowerInvariant())];

    /// <summary>The feelings an included file's <c>feeling</c> column may name (the feeling reader's bands).</summary>
    public static readonly IReadOnlyList<string> Feelings = ["calm", "mild", "upset", "furious", "positive"];

    private static readonly string[] Sections = ["include", "categories", "kinds"];

    /// <summary>Loads the examples from <paramref name="directory"/> (the catalog folder); <paramref name="display"/> names it in errors.</summary>
    /// <param name="directory">The catalog folder.</param>
    /// <param name="knownCategories">The category ids examples may use; each needs at least one example.</param>
    /// <param name="display">How errors name the folder.</param>
    public static (ExampleSet? Examples, IReadOnlyList<PromptError> Errors) Load(string directory, IReadOnlyCollection<string> knownCategories, string display = "dialogs/catalog")
    {
        ArgumentNullException.ThrowIfNull(knownCategories);
        var errors = new List<PromptError>();
        var file = $"{display}/{FileName}";
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return (null, [new PromptError(file, 0, "The file is missing.")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            return (null, [new PromptError(file, (int)ex.Start.Line, $"The file is not valid YAML: {ex.InnerException?.Message ?? ex.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new PromptError(file, 1, "The file must be a mapping with 'categories:' (and optionally 'kinds:' and 'include:').")]);
        }

        foreach (var key in root.Children.Keys.Where(k => !Sections.Contains(Scalar(k))))
        {
            errors.Add(new PromptError(file, Line(key), $"Unknown section '{Scalar(key)}' (allowed: {string.Join(", ", Sections)})."));
        }

        var examples = new List<LabeledExample>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = knownCategories.ToList();
        ReadSection(root, "categories", knownCategories, "category", file, examples, seen, errors, (text, label, line) => new LabeledExample(text, label, null, file, line));
        ReadSection(root, "kinds", Kinds, "kind", file, examples, seen, errors, (text, label, line) => new LabeledExample(text, null, label, file, line));
        if (root.Children.TryGetValue(new YamlScalarNode("include"), out var include))
        {
            if (include is not YamlSequenceNode list)
            {
                errors.Add(new PromptError(file, Line(include), "'include' must be a list of files, e.g. [training/messages.tsv]."));
            }
            else
            {
                foreach (var entry in list.Children)
                {
                    var relative = Scalar(entry).Trim();
                    var full = Path.GetFullPath(Path.Combine(directory, relative));
                    if (relative.Length == 0 || Path.IsPathRooted(relative) || !full.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal) || !File.Exists(full))
                    {
                        errors.Add(new PromptError(file, Line(entry), $"The included file '{relative}' is not in the catalog folder."));
                        continue;
                    }

                    TsvExamples.Read(full, $"{display}/{relative.Replace('\\', '/')}", knownCategories, examples, errors);
                }
            }
        }

        foreach (var missing in categories.Where(c => !examples.Any(e => e.Category == c)))
        {
            errors.Add(new PromptError(file, Line(root), $"The category '{missing}' has no examples; add a few under 'categories:'."));
        }

        return errors.Count > 0 ? (null, errors) : (new ExampleSet(categories, examples), errors);
    }

    private static void ReadSection(YamlMappingNode root, string section, IReadOnlyCollection<string> known, string what, string file, List<LabeledExample> examples, Dictionary<string, int> seen, List<PromptError> errors, Func<string, string, int, LabeledExample> make)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(section), out var node))
        {
            return;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add(new PromptError(file, Line(node), $"'{section}' must map each {what} to a list of example messages."));
            return;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var label = Scalar(keyNode);
            if (!known.Contains(label))
            {
                errors.Add(new PromptError(file, Line(keyNode), $"Unknown {what} '{label}' (known: {string.Join(", ", known)})."));
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                errors.Add(new PromptError(file, Line(value), $"The examples of {what} '{label}' must be a list of messages."));
                continue;
            }

            foreach (var item in list.Children)
            {
                var text = (item as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
                if (item is not YamlScalarNode || text.Length == 0)
                {
                    errors.Add(new PromptError(file, Line(item), $"An example of {what} '{label}' is empty; write a message or remove the line."));
                    continue;
                }

                var key = $"{section}:{TextFeaturizer.Normalize(text)}";
                if (seen.TryGetValue(key, out var first))
                {
                    errors.Add(new PromptError(file, Line(item), $"The example \"{text}\" repeats the one on line {first}."));
                    continue;
                }

                seen[key] = Line(item);
                examples.Add(make(text, label, Line(item)));
            }
        }
    }

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
