using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Understanding;

/// <summary>
/// The answers in force: <c>dialogs/catalog/answers.yaml</c>, with a reader trained on their example questions
/// against the other messages of <c>examples.yaml</c> (complaints, requests and the rest, which no answer covers).
/// <see cref="Reload"/> swaps in a new reader only when the answers are valid; otherwise the last good one stays live
/// and the errors are kept, like the catalog's. While <c>examples.yaml</c> is refused, the last good examples serve.
/// </summary>
public sealed class AnswerSource
{
    private readonly Func<IReadOnlyCollection<string>> _categories;
    private readonly double _threshold;
    private readonly Lock _reloading = new();
    private volatile AnswerReader _current;
    private volatile IReadOnlyList<PromptError> _lastErrors = [];
    private ExampleSet _examples;

    private AnswerSource(string directory, Func<IReadOnlyCollection<string>> categories, double threshold, AnswerReader reader, ExampleSet examples)
    {
        Directory = directory;
        _categories = categories;
        _threshold = threshold;
        _current = reader;
        _examples = examples;
    }

    /// <summary>The catalog folder the answers are read from.</summary>
    public string Directory { get; }

    /// <summary>The reader trained on the last valid answers.</summary>
    public AnswerReader Current => _current;

    /// <summary>The errors of the last reload that failed, cleared by the next one that succeeds.</summary>
    public IReadOnlyList<PromptError> LastErrors => _lastErrors;

    /// <summary>Reads the answers and trains the first reader; throws with every error listed when they are not valid at start-up.</summary>
    /// <param name="directory">The catalog folder (<c>dialogs/catalog</c>).</param>
    /// <param name="categories">The catalog's category ids, asked again at each reload.</param>
    /// <param name="threshold">How sure the reader must be to give an answer.</param>
    public static AnswerSource Load(string directory, Func<IReadOnlyCollection<string>> categories, double threshold = AnswerReader.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var (examples, exampleErrors) = Examples(directory, categories());
        if (examples is null)
        {
            throw new PromptFilesInvalidException(exampleErrors);
        }

        var (reader, errors) = Train(directory, categories(), examples, threshold);
        return reader is not null ? new AnswerSource(directory, categories, threshold, reader, examples) : throw new PromptFilesInvalidException(errors);
    }

    /// <summary>Re-reads the answers and retrains; returns the answers' errors (empty when the new reader went live). Reloads run one at a time.</summary>
    public IReadOnlyList<PromptError> Reload()
    {
        lock (_reloading)
        {
            var categories = _categories();

            // A refused examples.yaml is reported by the message reader's reload; the last good examples serve here.
            _examples = Examples(Directory, categories).Examples ?? _examples;
            var (reader, errors) = Train(Directory, categories, _examples, _threshold);
            if (reader is not null)
            {
                _current = reader;
            }

            _lastErrors = errors;
            return errors;
        }
    }

    /// <summary>
    /// Reads and checks the answers and trains a reader on them against the messages of <paramref name="examples"/>
    /// (see <see cref="AnswerReader.Train"/>: its questions may be covered by an answer, the rest are not), without
    /// swapping anything in.
    /// </summary>
    public static (AnswerReader? Reader, IReadOnlyList<PromptError> Errors) Train(string directory, IReadOnlyCollection<string> categories, ExampleSet examples, double threshold = AnswerReader.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var (answers, errors) = AnswerFileLoader.Load(directory, categories);
        if (answers is null)
        {
            return (null, errors);
        }

        var questions = examples.Examples.Where(IsQuestion).Select(e => e.Text);
        var none = examples.Examples.Where(e => !IsQuestion(e)).Select(e => e.Text);
        return (AnswerReader.Train(answers, none, questions, threshold), errors);

        static bool IsQuestion(LabeledExample e) => e.Category == Question || e.Kind == Question;
    }

    /// <summary>The messages of <c>examples.yaml</c> and its included files, read as the message reader reads them; null when they are not valid.</summary>
    public static (ExampleSet? Examples, IReadOnlyList<PromptError> Errors) Examples(string directory, IReadOnlyCollection<string> categories) =>
        ExampleFileLoader.Load(directory, [.. ExampleFileLoader.StandardCategories.Union(categories)]);

    private const string Question = "question";
}
