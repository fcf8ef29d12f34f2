using Microsoft.Extensions.Options;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Web.Understanding;

namespace SupportBot.Web.Admin;

/// <summary>
/// Makes the studio's <see cref="SandboxBot"/>s: on the live files (what a customer gets now), or on the draft,
/// built from its folder with a reader trained on its examples; the draft's is kept until the draft changes.
/// </summary>
public sealed class SandboxBots(
    PromptSource prompts,
    SupportCatalogSource catalog,
    MessageReaderSource reader,
    AnswerSource answers,
    SupportServices live,
    DraftFolder draft,
    IOptions<UnderstandingOptions> understanding,
    TimeProvider time,
    ILoggerFactory loggers) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private (int Revision, SandboxBot Bot)? _draft;

    /// <summary>A bot on the live files, with no conversations yet.</summary>
    public SandboxBot Live() => new(prompts, () => catalog.Current, reader, () => answers.Current, live, time, loggers);

    /// <summary>
    /// The bot on the draft (the same one while the draft is unchanged, so a test chat goes on), or null when there
    /// is no draft. Building it trains a reader, which takes a few seconds.
    /// </summary>
    /// <exception cref="PromptFilesInvalidException">The draft's files fail the checks.</exception>
    public async Task<SandboxBot?> DraftAsync(CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!draft.Exists)
            {
                return null;
            }

            var revision = draft.Revision;
            if (_draft is { } built && built.Revision == revision)
            {
                return built.Bot;
            }

            var bot = await Task.Run(() => Build(draft.Directory), cancellationToken).ConfigureAwait(false);
            _draft = (revision, bot);
            return bot;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private SandboxBot Build(string directory)
    {
        var options = understanding.Value;
        var draftPrompts = PromptSource.Load(directory, SupportPrompts.Definitions);
        var folder = Path.Combine(directory, "catalog");
        var draftCatalog = SupportCatalogSource.Load(folder);
        var draftReader = MessageReaderSource.Load(
            folder,
            () => draftCatalog.Current.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal),
            new MessageReaderSettings { ConfidenceThreshold = options.ConfidenceThreshold });
        var draftAnswers = AnswerSource.Load(folder, () => [.. draftCatalog.Current.Categories.Select(c => c.Id)], options.AnswerThreshold);
        return new SandboxBot(draftPrompts, () => draftCatalog.Current, draftReader, () => draftAnswers.Current, live, time, loggers);
    }
}
