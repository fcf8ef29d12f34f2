using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SupportBot.Core.Support;
using SupportBot.Core.Understanding;
using SupportBot.Web.Understanding;

namespace SupportBot.Web.Admin;

/// <summary>
/// The reader's cross-validated accuracy per category (<see cref="CrossValidation"/>: each example read by a reader
/// trained without its fold), computed in the background because it trains a reader per fold, and again whenever the
/// catalog's files change (by the studio or by hand). One computation runs at a time; the page shows the last report
/// until the new one is ready.
/// </summary>
public sealed partial class AccuracyBoard(IOptions<UnderstandingOptions> options, TimeProvider time, ILogger<AccuracyBoard> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccuracyReport> _reports = new(StringComparer.Ordinal);
    private string? _running;
    private string? _next;

    /// <summary>The accuracy of the catalog folder <paramref name="catalog"/>, starting its computation when its files changed.</summary>
    public AccuracyView For(string catalog)
    {
        var version = Version(catalog);
        lock (_gate)
        {
            _reports.TryGetValue(catalog, out var report);
            if (report?.Version == version)
            {
                return new AccuracyView(false, true, report);
            }

            if (_running is null)
            {
                Start(catalog);
            }
            else if (_running != catalog)
            {
                _next = catalog;
            }

            return new AccuracyView(true, false, report);
        }
    }

    /// <summary>Completes once no computation is running (for tests and tools that need the figures).</summary>
    public async Task IdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_running is null)
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Start(string catalog)
    {
        _running = catalog;
        _ = Task.Run(() =>
        {
            try
            {
                var report = Compute(catalog);
                lock (_gate)
                {
                    if (report is not null)
                    {
                        _reports[catalog] = report;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
                LogFailed(logger, catalog, ex);
            }
            finally
            {
                lock (_gate)
                {
                    _running = null;
                    if (_next is { } next)
                    {
                        _next = null;
                        Start(next);
                    }
                }
            }
        });
    }

    private AccuracyReport? Compute(string catalog)
    {
        var version = Version(catalog);
        var started = time.GetTimestamp();
        var (loaded, _) = SupportCatalogLoader.Load(catalog);
        if (loaded is null)
        {
            return null;
        }

        var ids = loaded.Categories.Select(c => c.Id).ToList();
        var (examples, _) = AnswerSource.Examples(catalog, ids);
        if (examples is null)
        {
            return null;
        }

        var settings = new MessageReaderSettings
        {
            ConfidenceThreshold = options.Value.ConfidenceThreshold,
            Keywords = loaded.Categories.ToDictionary(c => c.Id, c => c.Keywords, StringComparer.Ordinal),
        };
        var labelled = examples.Examples.Where(e => e.Category is not null).Select(e => (e.Text, e.Category)).ToList();
        var (readings, folds) = CrossValidation.Read(examples, labelled, settings);
        var perCategory = labelled.Select((e, i) => (e.Category!, Right: readings[i].Category == e.Category))
            .GroupBy(r => r.Item1, StringComparer.Ordinal)
            .Select(g => new CategoryAccuracy(g.Key, g.Count(r => r.Right), g.Count()))
            .OrderBy(c => c.Category, StringComparer.Ordinal)
            .ToList();
        var correct = perCategory.Sum(c => c.Correct);
        var overall = labelled.Count == 0 ? 0 : Math.Round((double)correct / labelled.Count, 3);
        var seconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 1);
        LogComputed(logger, overall, labelled.Count, folds, seconds);
        return new AccuracyReport(version, time.GetUtcNow(), labelled.Count, folds, overall, seconds, perCategory);
    }

    /// <summary>A hash of the catalog's files (YAML and the labelled files it includes): any edit changes it.</summary>
    private static string Version(string catalog)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(catalog, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".tsv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(catalog, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The reader's cross-validated category accuracy is {Accuracy} over {Examples} examples ({Folds} folds, {Seconds} s)")]
    private static partial void LogComputed(ILogger logger, double accuracy, int examples, int folds, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing the reader's accuracy for {Catalog} failed")]
    private static partial void LogFailed(ILogger logger, string catalog, Exception exception);
}
