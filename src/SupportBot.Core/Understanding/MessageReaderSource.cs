using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Understanding;

/// <summary>
/// The reader in force, trained from <c>dialogs/catalog/examples.yaml</c> (and the files it includes) with the
/// keywords of <c>categories.yaml</c>. <see cref="Reload"/> retrains and swaps the new reader in only when the
/// examples are valid; otherwise the last good reader stays live and the errors are kept, like the prompts'.
/// </summary>
public sealed class MessageReaderSource : IMessageReader
{
    private readonly Func<IReadOnlyDictionary<string, IReadOnlyList<string>>> _keywords;
    private readonly MessageReaderSettings _settings;
    private readonly Lock _reloading = new();
    private volatile LocalMessageReader _current;
    private volatile IReadOnlyList<PromptError> _lastErrors = [];

    private MessageReaderSource(string directory, Func<IReadOnlyDictionary<string, IReadOnlyList<string>>> keywords, MessageReaderSettings settings, LocalMessageReader reader)
    {
        Directory = directory;
        _keywords = keywords;
        _settings = settings;
        _current = reader;
    }

    /// <summary>The catalog folder the examples are read from.</summary>
    public string Directory { get; }

    /// <summary>The reader trained from the last valid examples.</summary>
    public LocalMessageReader Current => _current;

    /// <summary>The errors of the last reload that failed, cleared by the next one that succeeds.</summary>
    public IReadOnlyList<PromptError> LastErrors => _lastErrors;

    /// <summary>Trains the first reader; throws with every error listed when the examples are not valid at start-up.</summary>
    /// <param name="directory">The catalog folder (<c>dialogs/catalog</c>).</param>
    /// <param name="keywords">The catalog's categories and their keywords, asked again at each reload.</param>
    /// <param name="settings">Threshold and training settings; its keywords are replaced by <paramref name="keywords"/>.</param>
    public static MessageReaderSource Load(string directory, Func<IReadOnlyDictionary<string, IReadOnlyList<string>>> keywords, MessageReaderSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        settings ??= new MessageReaderSettings();
        var (reader, errors) = Train(directory, keywords, settings);
        return reader is not null ? new MessageReaderSource(directory, keywords, settings, reader) : throw new PromptFilesInvalidException(errors);
    }

    /// <summary>Reads, checks and trains on the examples (with the catalog's keywords), without swapping anything in.</summary>
    public static (LocalMessageReader? Reader, IReadOnlyList<PromptError> Errors) Train(string directory, Func<IReadOnlyDictionary<string, IReadOnlyList<string>>> keywords, MessageReaderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentNullException.ThrowIfNull(settings);
        var catalog = keywords();

        // The shipped ids are always known, so the examples can cover the categories the catalog is growing into.
        var known = ExampleFileLoader.StandardCategories.Concat(catalog.Keys.Where(k => !ExampleFileLoader.StandardCategories.Contains(k))).ToList();
        var (examples, errors) = ExampleFileLoader.Load(directory, known);
        return examples is null ? (null, errors) : (LocalMessageReader.Train(examples, settings with { Keywords = catalog }), errors);
    }

    /// <summary>Retrains from the files; returns the errors (empty when the new reader went live). Reloads run one at a time.</summary>
    public IReadOnlyList<PromptError> Reload()
    {
        lock (_reloading)
        {
            var (reader, errors) = Train(Directory, _keywords, _settings);
            if (reader is not null)
            {
                _current = reader;
            }

            _lastErrors = errors;
            return errors;
        }
    }

    /// <inheritdoc />
    public MessageReading Read(string text) => _current.Read(text);
}
