using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Support;

/// <summary>
/// The catalog in force, read from <c>dialogs/catalog/</c>. <see cref="Reload"/> swaps in a new catalog only when
/// it is valid; otherwise the last good one stays live and the errors are kept.
/// </summary>
public sealed class SupportCatalogSource
{
    private volatile SupportCatalog _current;

    private SupportCatalogSource(string directory, SupportCatalog catalog)
    {
        Directory = directory;
        _current = catalog;
    }

    public string Directory { get; }

    public SupportCatalog Current => _current;

    public IReadOnlyList<PromptError> LastErrors { get; private set; } = [];

    /// <summary>Loads the catalog; throws with every error listed when it is not valid at start-up.</summary>
    public static SupportCatalogSource Load(string directory)
    {
        var (catalog, errors) = SupportCatalogLoader.Load(directory);
        return catalog is not null ? new SupportCatalogSource(directory, catalog) : throw new PromptFilesInvalidException(errors);
    }

    /// <summary>Re-reads the catalog; returns the errors (empty when the new catalog went live).</summary>
    public IReadOnlyList<PromptError> Reload()
    {
        var (catalog, errors) = SupportCatalogLoader.Load(Directory);
        if (catalog is not null)
        {
            _current = catalog;
        }

        LastErrors = errors;
        return errors;
    }
}
