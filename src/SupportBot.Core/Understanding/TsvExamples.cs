using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Understanding;

/// <summary>Reads a labeled tab-separated file (header row; <c>text</c>, <c>category</c>, optionally <c>kind</c> and <c>feeling</c>) as examples.</summary>
internal static class TsvExamples
{
    public static void Read(string path, string display, IReadOnlyCollection<string> knownCategories, List<LabeledExample> examples, List<PromptError> errors)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split('\t') ?? [];
        var text = Array.IndexOf(header, "text");
        var category = Array.IndexOf(header, "category");
        var kind = Array.IndexOf(header, "kind");
        var feeling = Array.IndexOf(header, "feeling");
        if (text < 0 || category < 0)
        {
            errors.Add(new PromptError(display, 1, "The header row must name a 'text' and a 'category' column (and may name 'kind')."));
            return;
        }

        var line = 1;
        while (reader.ReadLine() is { } row)
        {
            line++;
            if (row.Length == 0)
            {
                continue;
            }

            var cells = row.Split('\t');
            var message = Cell(cells, text);
            var label = Cell(cells, category);
            var kindLabel = kind >= 0 ? Cell(cells, kind) : string.Empty;
            var feelingLabel = feeling >= 0 ? Cell(cells, feeling) : string.Empty;
            if (message.Length == 0)
            {
                errors.Add(new PromptError(display, line, "The row has no text."));
            }
            else if (label.Length > 0 && !knownCategories.Contains(label))
            {
                errors.Add(new PromptError(display, line, $"Unknown category '{label}' (known: {string.Join(", ", knownCategories)})."));
            }
            else if (kindLabel.Length > 0 && !ExampleFileLoader.Kinds.Contains(kindLabel))
            {
                errors.Add(new PromptError(display, line, $"Unknown kind '{kindLabel}' (known: {string.Join(", ", ExampleFileLoader.Kinds)})."));
            }
            else if (feelingLabel.Length > 0 && !ExampleFileLoader.Feelings.Contains(feelingLabel))
            {
                errors.Add(new PromptError(display, line, $"Unknown feeling '{feelingLabel}' (known: {string.Join(", ", ExampleFileLoader.Feelings)})."));
            }
            else
            {
                examples.Add(new LabeledExample(message, label.Length > 0 ? label : null, kindLabel.Length > 0 ? kindLabel : null, display, line)
                {
                    Feeling = feelingLabel.Length > 0 ? feelingLabel : null,
                });
            }
        }
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index].Trim() : string.Empty;
}
