using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;

namespace SupportBot.Web.Admin;

/// <summary>
/// Holds a file the studio is about to write to the same checks as the files themselves (the loaders that
/// <c>supportbot prompts check</c>, start-up and live reload use): a prompt file with every other prompt file, a
/// catalog file with the rest of the catalog, its examples and its answers. Nothing of its own is checked here.
/// </summary>
public static class StudioChecks
{
    /// <summary>The folder every check names files by, as the files' own errors do.</summary>
    public const string Display = "dialogs";

    /// <summary>The errors the folder <paramref name="directory"/> would have with <paramref name="file"/> reading <paramref name="text"/>.</summary>
    /// <param name="directory">A <c>dialogs</c> folder (the live one or a draft).</param>
    /// <param name="file">The file, relative to it: <c>greeting.yaml</c> or <c>catalog/remedies.yaml</c>.</param>
    /// <param name="text">The file's new text.</param>
    public static IReadOnlyList<PromptError> Check(string directory, string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.StartsWith("catalog/", StringComparison.Ordinal)
            ? CheckCatalog(Path.Combine(directory, "catalog"), file["catalog/".Length..], text)
            : CheckPrompts(directory, file, text);
    }

    /// <summary>Every error of a whole <c>dialogs</c> folder: its prompts and its catalog.</summary>
    public static IReadOnlyList<PromptError> CheckAll(string directory)
    {
        var prompts = PromptFileLoader.Load(directory, SupportPrompts.Definitions).Errors;
        return [.. prompts, .. CatalogErrors(Path.Combine(directory, "catalog"))];
    }

    private static IReadOnlyList<PromptError> CheckPrompts(string directory, string file, string text)
    {
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Select(Path.GetFileName)
            .Append(file)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => ($"{Display}/{name}", name == file ? text : File.ReadAllText(Path.Combine(directory, name!))))
            .ToList();
        return PromptFileLoader.Parse(files, SupportPrompts.Definitions, Display).Errors;
    }

    private static List<PromptError> CheckCatalog(string catalog, string file, string text)
    {
        // The catalog's loaders read a folder (examples include other files in it), so they read a copy with the new text.
        var copy = Directory.CreateTempSubdirectory("supportbot-studio-");
        try
        {
            Copy(catalog, copy.FullName);
            var target = Path.Combine(copy.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
            return CatalogErrors(copy.FullName);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static List<PromptError> CatalogErrors(string catalog)
    {
        var display = $"{Display}/catalog";
        var (loaded, errors) = SupportCatalogLoader.Load(catalog, display);
        if (loaded is null)
        {
            return [.. errors];
        }

        var categories = loaded.Categories.Select(c => c.Id).ToList();
        var known = ExampleFileLoader.StandardCategories.Concat(categories.Where(c => !ExampleFileLoader.StandardCategories.Contains(c))).ToList();
        return [.. errors, .. ExampleFileLoader.Load(catalog, known, display).Errors, .. AnswerFileLoader.Load(catalog, categories, display).Errors];
    }

    /// <summary>Copies a folder and its subfolders.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}
