using SupportBot.Core.PromptFiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Reads <c>dialogs/catalog/answers.yaml</c>: each answer's id, its <c>text</c>, the <c>examples</c> of questions it
/// answers and optionally the <c>categories</c> it also applies to. A missing or empty file means no answers. Every
/// mistake is reported with file and line: unknown fields or categories, a missing text, too few examples, an empty
/// or repeated example, an unknown variable, and wording the prompt files' craft rules refuse (a bare apology,
/// hiding behind policy).
/// </summary>
public static class AnswerFileLoader
{
    /// <summary>The file's name in the catalog folder.</summary>
    public const string FileName = "answers.yaml";

    /// <summary>The fewest example questions an answer needs for the reader to learn it.</summary>
    public const int MinExamples = 3;

    private static readonly string[] Fields = ["text", "examples", "categories"];

    /// <summary>
    /// The variables an answer may use: the customer's first name, and when colleagues are there (from
    /// <c>Handoff:Hours</c>; without set hours, a neutral phrase).
    /// </summary>
    public static PromptDefinition Variables { get; } = new("answers.text", new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = PromptCatalog.DefaultFallback("name"),
        ["hours"] = "during their working hours",
    });

    /// <summary>Loads the answers from <paramref name="directory"/> (the catalog folder); <paramref name="display"/> names it in errors.</summary>
    /// <param name="directory">The catalog folder.</param>
    /// <param name="knownCategories">The category ids an answer may list.</param>
    /// <param name="display">How errors name the folder.</param>
    public static (IReadOnlyList<Answer>? Answers, IReadOnlyList<PromptError> Errors) Load(string directory, IReadOnlyCollection<string> knownCategories, string display = "dialogs/catalog")
    {
        ArgumentNullException.ThrowIfNull(knownCategories);
        var file = $"{display}/{FileName}";
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return ([], []);
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

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ([], []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new PromptError(file, Line(stream.Documents[0].RootNode), "The file must map each answer's id to its text and example questions.")]);
        }

        var errors = new List<PromptError>();
        var answers = new List<Answer>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var id = Scalar(keyNode);
            if (value is not YamlMappingNode map)
            {
                errors.Add(new PromptError(file, Line(keyNode), $"The answer '{id}' must have a text and example questions."));
                continue;
            }

            foreach (var key in map.Children.Keys.Where(k => !Fields.Contains(Scalar(k))))
            {
                errors.Add(new PromptError(file, Line(key), $"Unknown field '{Scalar(key)}' in the answer '{id}' (allowed: {string.Join(", ", Fields)})."));
            }

            var text = ReadText(map, id, file, errors);
            var examples = ReadList(map, "examples", id, file, errors);
            var categories = ReadList(map, "categories", id, file, errors);
            foreach (var (category, line) in categories.Where(c => !knownCategories.Contains(c.Value)))
            {
                errors.Add(new PromptError(file, line, $"Unknown category '{category}' in the answer '{id}' (known: {string.Join(", ", knownCategories)})."));
            }

            if (examples.Count < MinExamples)
            {
                errors.Add(new PromptError(file, Line(keyNode), $"The answer '{id}' has {examples.Count} example {(examples.Count == 1 ? "question" : "questions")}; give at least {MinExamples}, worded the way customers ask."));
            }

            foreach (var (example, line) in examples)
            {
                var normalized = TextFeaturizer.Normalize(example);
                if (seen.TryGetValue(normalized, out var first))
                {
                    errors.Add(new PromptError(file, line, $"The example \"{example}\" repeats the one on line {first}."));
                }
                else
                {
                    seen[normalized] = line;
                }
            }

            answers.Add(new Answer(id, text, [.. examples.Select(e => e.Value)], [.. categories.Select(c => c.Value)]));
        }

        return errors.Count > 0 ? (null, errors) : (answers, errors);
    }

    private static string ReadText(YamlMappingNode map, string id, string file, List<PromptError> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode("text"), out var node) || node is not YamlScalarNode { Value: { } value } || value.Trim().Length == 0)
        {
            errors.Add(new PromptError(file, Line(map), $"The answer '{id}' has no text; write what the bot should say."));
            return string.Empty;
        }

        var text = value.Trim();
        var line = Line(node);
        PromptFileLoader.CheckVariables(text, Variables, file, line, id, errors);
        if (BareApologyFinder.Find(text) is { } sentence)
        {
            errors.Add(new PromptError(file, line, $"The answer '{id}' apologizes without saying what for (\"{sentence}\"); say what you are sorry for in the same sentence, or leave the apology out."));
        }

        if (PromptCraftRules.FindPolicyPhrase(text) is { } phrase)
        {
            errors.Add(new PromptError(file, line, $"The answer '{id}' hides behind policy (\"{phrase}\"); say plainly what the customer can do and why."));
        }

        return text;
    }

    private static List<(string Value, int Line)> ReadList(YamlMappingNode map, string field, string id, string file, List<PromptError> errors)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(field), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            errors.Add(new PromptError(file, Line(node), $"'{field}' of the answer '{id}' must be a list, e.g. [\"…\", \"…\"]."));
            return [];
        }

        var items = new List<(string, int)>();
        foreach (var item in sequence.Children)
        {
            var value = (item as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            if (value.Length == 0)
            {
                errors.Add(new PromptError(file, Line(item), $"An entry of '{field}' in the answer '{id}' is empty; write it or remove the line."));
                continue;
            }

            items.Add((value, Line(item)));
        }

        return items;
    }

    private static string Scalar(YamlNode node) => (node as YamlScalarNode)?.Value ?? string.Empty;

    private static int Line(YamlNode node) => (int)node.Start.Line;
}
