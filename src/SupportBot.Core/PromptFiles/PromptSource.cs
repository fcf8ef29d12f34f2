namespace SupportBot.Core.PromptFiles;

/// <summary>
/// The prompt catalog in force. <see cref="Reload"/> re-reads the files and swaps the catalog in only when they
/// are all valid; on errors the last good catalog stays live and the errors are kept for the author to see.
/// </summary>
public sealed class PromptSource
{
    private readonly IReadOnlyCollection<PromptDefinition> _definitions;
    private readonly Lock _reloading = new();
    private volatile PromptCatalog _current;
    private volatile IReadOnlyList<PromptError> _lastErrors = [];

    private PromptSource(string directory, IReadOnlyCollection<PromptDefinition> definitions, PromptCatalog catalog)
    {
        Directory = directory;
        _definitions = definitions;
        _current = catalog;
    }

    /// <summary>The folder the prompts are read from.</summary>
    public string Directory { get; }

    /// <summary>The catalog to render from; always a fully valid set.</summary>
    public PromptCatalog Current => _current;

    /// <summary>The errors of the last reload that failed, cleared by the next one that succeeds.</summary>
    public IReadOnlyList<PromptError> LastErrors => _lastErrors;

    /// <summary>Loads the prompts; throws with every error listed when the files are not valid at start-up.</summary>
    public static PromptSource Load(string directory, IReadOnlyCollection<PromptDefinition> definitions)
    {
        var result = PromptFileLoader.Load(directory, definitions);
        return result.Catalog is { } catalog
            ? new PromptSource(directory, definitions, catalog)
            : throw new PromptFilesInvalidException(result.Errors);
    }

    /// <summary>Re-reads the files; returns the errors (empty when the new set went live). Reloads run one at a time.</summary>
    public IReadOnlyList<PromptError> Reload()
    {
        lock (_reloading)
        {
            var result = PromptFileLoader.Load(Directory, _definitions);
            if (result.Catalog is { } catalog)
            {
                _current = catalog;
            }

            _lastErrors = result.Errors;
            return result.Errors;
        }
    }
}
