using System.Text;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// A copy of the repository's <c>dialogs/*.yaml</c> in a temp folder (named <c>dialogs</c>, so errors read as they
/// would for the real one), for tests that edit prompts. Deleted on dispose.
/// </summary>
public sealed class PromptFolder : IDisposable
{
    private readonly TempDirectory _temp = new();

    private PromptFolder()
    {
        Path = System.IO.Path.Combine(_temp.Path, "dialogs");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static PromptFolder CopyOfRepository()
    {
        var folder = new PromptFolder();
        var source = System.IO.Path.Combine(AppRoot.Find(), "dialogs");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    /// <summary>
    /// Replaces every variant of <paramref name="key"/> with <paramref name="texts"/>, in the file that defines it,
    /// whatever its layout: the key's block is cut and written again at the end of the file. Returns where the first
    /// new text is, as an error would name it (<c>dialogs/greeting.yaml:12</c>).
    /// </summary>
    public string ReplacePrompt(string key, params string[] texts)
    {
        foreach (var file in Directory.EnumerateFiles(Path).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).ToList();
            var start = lines.FindIndex(l => l.TrimEnd() == $"{key}:" || l.StartsWith($"{key}: ", StringComparison.Ordinal));
            if (start < 0)
            {
                continue;
            }

            // The block runs until the next line that starts a top-level key.
            var end = start + 1;
            while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] is ' ' or '-' or '#' or '\t'))
            {
                end++;
            }

            lines.RemoveRange(start, end - start);
            lines.Add($"{key}:");
            var firstText = 0;
            for (var i = 0; i < texts.Length; i++)
            {
                lines.Add($"  - id: test-{key.Replace('.', '-')}-{i + 1}");
                lines.Add($"    text: \"{texts[i].Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
                firstText = firstText == 0 ? lines.Count : firstText;
            }

            File.WriteAllText(file, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
            return $"dialogs/{System.IO.Path.GetFileName(file)}:{firstText}";
        }

        throw new InvalidOperationException($"No prompt file in {Path} defines '{key}'.");
    }

    public void Dispose() => _temp.Dispose();
}
