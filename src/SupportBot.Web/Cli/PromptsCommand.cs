using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Web.Prompts;

namespace SupportBot.Web.Cli;

/// <summary>
/// <c>supportbot prompts check [--dir DIR]</c>: validates the prompt files, the catalog and its answers exactly as
/// the bot does at start-up and on every reload (YAML, keys, variables, ids, craft rules). Prints <c>OK: N prompts, M variants in dialogs/</c>
/// and exits 0, or prints every error as <c>file:line: message</c> on stderr and exits 1, so an admin's CI can
/// gate edits on it. <c>supportbot prompts list [--dir DIR]</c> prints each key with its variant ids.
/// </summary>
public static class PromptsCommand
{
    private const string Usage = """
        Usage: supportbot prompts check [--dir DIR]   validate the prompt files (exit 1 and file:line errors if not valid)
               supportbot prompts list  [--dir DIR]   list prompt keys and their variant ids
        DIR defaults to Prompts:Directory in appsettings.json (dialogs/).
        """;

    public static int Run(string root, string[] args) => Run(root, args, Console.Out, Console.Error);

    /// <summary>Runs the command writing to <paramref name="output"/> and <paramref name="error"/> (tests pass their own writers).</summary>
    public static int Run(string root, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var dirIndex = Array.IndexOf(args, "--dir");
        if (dirIndex >= 0 && dirIndex + 1 >= args.Length)
        {
            error.WriteLine("supportbot prompts: --dir needs a folder.");
            error.WriteLine(Usage);
            return 2;
        }

        var rest = dirIndex >= 0 ? [.. args[..dirIndex], .. args[(dirIndex + 2)..]] : args;
        var directory = dirIndex >= 0 ? Path.GetFullPath(args[dirIndex + 1]) : ConfiguredDirectory(root);
        switch (rest)
        {
            case ["check"]:
                return Check(directory, output, error);
            case ["list"]:
                return List(directory, output, error);
            case ["help"] or ["--help"] or ["-h"]:
                output.WriteLine(Usage);
                return 0;
            case []:
                error.WriteLine(Usage);
                return 2;
            default:
                error.WriteLine($"supportbot prompts: unknown arguments '{string.Join(' ', rest)}'.");
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static int Check(string directory, TextWriter output, TextWriter error)
    {
        var result = PromptFileLoader.Load(directory, SupportPrompts.Definitions);
        var (supportCatalog, catalogErrors) = SupportCatalogLoader.Load(Path.Combine(directory, "catalog"), $"{FolderName(directory)}/catalog");
        var categories = supportCatalog?.Categories.Select(c => c.Id).ToList() ?? [.. ExampleFileLoader.StandardCategories];
        var (answers, answerErrors) = AnswerFileLoader.Load(Path.Combine(directory, "catalog"), categories, $"{FolderName(directory)}/catalog");
        var errors = result.Errors.Concat(catalogErrors).Concat(answerErrors).ToList();
        if (result.Catalog is not { } catalog || supportCatalog is null || answers is null)
        {
            foreach (var problem in errors)
            {
                error.WriteLine(problem);
            }

            error.WriteLine($"{errors.Count} {(errors.Count == 1 ? "error" : "errors")} in {FolderName(directory)}/. A running bot refuses these files and keeps its last good prompts; at start-up it would not start.");
            return 1;
        }

        output.WriteLine($"OK: {catalog.Keys.Count()} prompts, {catalog.VariantCount} variants in {FolderName(directory)}/; {supportCatalog.Categories.Count} categories, {supportCatalog.Remedies.Count} remedies, {answers.Count} answers in {FolderName(directory)}/catalog/");
        return 0;
    }

    private static int List(string directory, TextWriter output, TextWriter error)
    {
        var result = PromptFileLoader.Load(directory, SupportPrompts.Definitions);
        if (result.Catalog is not { } catalog)
        {
            error.WriteLine($"The prompt files in {FolderName(directory)}/ are not valid; run 'supportbot prompts check' for the errors.");
            return 1;
        }

        foreach (var key in catalog.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"{key}: {string.Join(", ", catalog.Variants(key).Select(v => v.Id))}");
        }

        return 0;
    }

    private static string ConfiguredDirectory(string root)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var options = new PromptFilesOptions();
        configuration.GetSection(PromptFilesOptions.Section).Bind(options);
        return Path.Combine(root, options.Directory);
    }

    private static string FolderName(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
}
