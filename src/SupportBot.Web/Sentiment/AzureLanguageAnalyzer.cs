using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using SupportBot.Core.Sentiment;

namespace SupportBot.Web.Sentiment;

/// <summary>
/// Sentiment from Azure AI Language (<c>POST {endpoint}/language/:analyze-text</c>, <c>SentimentAnalysis</c> with
/// opinion mining) through Azure.Core's pipeline with a key or Entra ID credential. Transient failures (408, 429,
/// 5xx, network errors, an attempt that takes too long) are retried here rather than by Azure.Core, after the
/// service's Retry-After or with exponential backoff, so that every wait, timeout and the circuit breaker run on the
/// injected <see cref="TimeProvider"/>. Texts pending at the same moment share a request (up to the service's 10 documents); a text over
/// 5,120 characters is cut there, with a note in the log; identical texts are not sent twice. A turn never waits
/// longer than its budget: a slow, failing or unreachable service (or one whose circuit is open after repeated
/// failures) is answered by the local analyzer, which is logged and counted. The local analyzer also supplies the
/// emotions, intensity and signals, which the service does not report, and reads the feeling band from the service's
/// confidences with them, so production and the embedded reader give the same bands.
/// </summary>
public sealed partial class AzureLanguageAnalyzer : ISentimentAnalyzer
{
    public const int MaxDocuments = 10;
    public const int MaxTextElements = 5120;
    private const int CacheSize = 10_000;
    private const int MaxRetries = 2;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly Meter Meter = new("SupportBot.Sentiment");
    private static readonly Counter<long> Fallbacks = Meter.CreateCounter<long>("supportbot.sentiment.fallbacks", description: "Texts the local analyzer answered because Azure AI Language could not");
    private readonly SentimentOptions _options;
    private readonly LocalSentimentAnalyzer _local;
    private readonly HttpPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _attemptTimeout;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Task<SentimentResult?>> _cache = new(StringComparer.Ordinal);
    private readonly List<(string Text, TaskCompletionSource<SentimentResult?> Result)> _pending = [];
    private readonly Lock _gate = new();
    private int _failuresInRow;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public AzureLanguageAnalyzer(SentimentOptions options, LocalSentimentAnalyzer local, TimeProvider time, ILogger<AzureLanguageAnalyzer> logger, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _local = local;
        _time = time;
        _logger = logger;
        _attemptTimeout = TimeSpan.FromMilliseconds(Math.Max(250, options.TimeoutMilliseconds));

        // Azure.Core's retries and network timeout wait on the system clock; SendAsync does both on _time instead.
        var clientOptions = new LanguageClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = Timeout.InfiniteTimeSpan;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy credential = options.Key.Length > 0
            ? new KeyPolicy(options.Key)
            : new BearerTokenAuthenticationPolicy(new Azure.Identity.DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default");
        _pipeline = HttpPipelineBuilder.Build(clientOptions, credential);
    }

    public async ValueTask<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_time.GetUtcNow() < _openUntil)
        {
            return Fallback(_local.Analyze(text), "circuit open");
        }

        // Read here only once the service has answered or not, so texts arriving together share a request.
        var remote = _cache.GetOrAdd(text, Enqueue);
        try
        {
            var result = await remote.WaitAsync(TimeSpan.FromMilliseconds(_options.TimeoutMilliseconds), _time, cancellationToken).ConfigureAwait(false);
            var local = _local.Analyze(text);
            if (result is null)
            {
                _cache.TryRemove(new KeyValuePair<string, Task<SentimentResult?>>(text, remote));
                return Fallback(local, "the service could not analyze it");
            }

            return result with
            {
                Emotions = local.Emotions,
                Intensity = Math.Max(local.Intensity, result.Intensity),
                Feeling = _local.Band(text, result.Scores),
                Signals = local.Signals,
            };
        }
        catch (TimeoutException)
        {
            return Fallback(_local.Analyze(text), $"no answer within {_options.TimeoutMilliseconds} ms");
        }
    }

    private Task<SentimentResult?> Enqueue(string text)
    {
        if (_cache.Count > CacheSize)
        {
            _cache.Clear();
        }

        var result = new TaskCompletionSource<SentimentResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool first;
        lock (_gate)
        {
            first = _pending.Count == 0;
            _pending.Add((text, result));
        }

        if (first)
        {
            // Whatever arrives while this batch is being sent goes with the next one.
            _ = Task.Run(SendPendingAsync);
        }

        return result.Task;
    }

    private async Task SendPendingAsync()
    {
        await Task.Yield();
        while (true)
        {
            List<(string Text, TaskCompletionSource<SentimentResult?> Result)> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = [.. _pending.Take(MaxDocuments)];
                _pending.RemoveRange(0, batch.Count);
            }

            IReadOnlyDictionary<string, SentimentResult>? results = null;
            try
            {
                results = await SendAsync(batch.Select(b => b.Text).ToList()).ConfigureAwait(false);
                Interlocked.Exchange(ref _failuresInRow, 0);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or JsonException or HttpRequestException or OperationCanceledException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                LogRequestFailed(_logger, ex.Message);
                if (Interlocked.Increment(ref _failuresInRow) >= _options.FailuresToBreak)
                {
                    _openUntil = _time.GetUtcNow().AddSeconds(_options.BreakSeconds);
                    LogCircuitOpen(_logger, _options.FailuresToBreak, _options.BreakSeconds);
                }
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results is not null && results.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var result) ? result : null);
            }
        }
    }

    /// <summary>One request for up to ten texts; the results by document id ("0", "1", …), per-document errors left out.</summary>
    private async Task<IReadOnlyDictionary<string, SentimentResult>> SendAsync(List<string> texts)
    {
        var documents = new JsonArray();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var elements = new StringInfo(text);
            if (elements.LengthInTextElements > MaxTextElements)
            {
                LogTruncated(_logger, elements.LengthInTextElements, MaxTextElements);
                text = elements.SubstringByTextElements(0, MaxTextElements);
            }

            var document = new JsonObject { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["text"] = text };
            if (_options.Language.Length > 0)
            {
                document["language"] = _options.Language;
            }

            documents.Add(document);
        }

        var body = new JsonObject
        {
            ["kind"] = "SentimentAnalysis",
            ["parameters"] = new JsonObject { ["opinionMining"] = true, ["modelVersion"] = "latest", ["stringIndexType"] = "Utf16CodeUnit", ["loggingOptOut"] = true },
            ["analysisInput"] = new JsonObject { ["documents"] = documents },
        };
        var content = BinaryData.FromString(body.ToJsonString());
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(_options.TimeoutMilliseconds * 4L), _time);
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using (var message = _pipeline.CreateMessage())
            using (var attemptTimeout = new CancellationTokenSource(_attemptTimeout, _time))
            using (var cancellation = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, attemptTimeout.Token))
            {
                message.Request.Method = RequestMethod.Post;
                message.Request.Uri.Reset(new Uri($"{_options.Endpoint.TrimEnd('/')}/language/:analyze-text?api-version={_options.ApiVersion}"));
                message.Request.Headers.SetValue("Content-Type", "application/json");
                message.Request.Content = RequestContent.Create(content);
                try
                {
                    await _pipeline.SendAsync(message, cancellation.Token).ConfigureAwait(false);
                    var response = message.Response;
                    if (!response.IsError)
                    {
                        return ReadResults(response);
                    }

                    if (attempt >= MaxRetries || !IsTransient(response.Status))
                    {
                        throw new Azure.RequestFailedException(response);
                    }

                    retryAfter = RetryAfter(response);
                }
                catch (Exception ex) when (attempt < MaxRetries && !budget.IsCancellationRequested && IsTransient(ex))
                {
                    LogRetrying(_logger, ex.Message);
                }
            }

            await Task.Delay(retryAfter ?? Backoff(attempt), _time, budget.Token).ConfigureAwait(false);
        }
    }

    private Dictionary<string, SentimentResult> ReadResults(Azure.Response response)
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var root = json.RootElement.GetProperty("results");
        foreach (var error in root.TryGetProperty("errors", out var errors) ? errors.EnumerateArray() : default)
        {
            LogDocumentFailed(_logger, error.GetProperty("id").GetString() ?? "?", error.GetProperty("error").TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty);
        }

        var results = new Dictionary<string, SentimentResult>(StringComparer.Ordinal);
        foreach (var document in root.GetProperty("documents").EnumerateArray())
        {
            results[document.GetProperty("id").GetString()!] = Read(document);
        }

        return results;
    }

    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    /// <summary>A network error, or an attempt cut off by its own timeout (not by the turn's budget).</summary>
    private static bool IsTransient(Exception exception) =>
        exception is HttpRequestException or IOException or OperationCanceledException or Azure.RequestFailedException { Status: 0 };

    /// <summary>The service's <c>Retry-After</c> (seconds or an HTTP date), or its <c>retry-after-ms</c> variants.</summary>
    private TimeSpan? RetryAfter(Azure.Response response)
    {
        foreach (var header in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - _time.GetUtcNow()).Ticks))
            : null;
    }

    /// <summary>100 ms, then 200 ms, … with ±20 % jitter, so that instances that failed together do not retry together.</summary>
    private static TimeSpan Backoff(int attempt) =>
        FirstBackoff * Math.Pow(2, attempt) * (0.8 + (0.4 * Random.Shared.NextDouble()));

    private static SentimentResult Read(JsonElement document)
    {
        var scores = Scores(document.GetProperty("confidenceScores"));
        var sentences = new List<SentenceSentiment>();
        var targets = new List<OpinionTarget>();
        foreach (var sentence in document.TryGetProperty("sentences", out var list) ? list.EnumerateArray() : default)
        {
            sentences.Add(new SentenceSentiment(
                sentence.GetProperty("text").GetString() ?? string.Empty,
                sentence.TryGetProperty("offset", out var offset) ? offset.GetInt32() : 0,
                Label(sentence.GetProperty("sentiment").GetString()),
                Scores(sentence.GetProperty("confidenceScores"))));
            foreach (var target in sentence.TryGetProperty("targets", out var found) ? found.EnumerateArray() : default)
            {
                targets.Add(new OpinionTarget(target.GetProperty("text").GetString() ?? string.Empty, Label(target.GetProperty("sentiment").GetString())));
            }
        }

        return new SentimentResult
        {
            Label = Label(document.GetProperty("sentiment").GetString()),
            Scores = scores,
            Sentences = sentences,
            Compound = Math.Round(scores.Positive - scores.Negative, 4),
            Intensity = Math.Round(Math.Max(scores.Positive, scores.Negative), 3),
            Targets = targets,
            Source = "azure",
        };
    }

    private static SentimentScores Scores(JsonElement scores) => new(
        scores.GetProperty("positive").GetDouble(),
        scores.TryGetProperty("neutral", out var neutral) ? neutral.GetDouble() : 0,
        scores.GetProperty("negative").GetDouble());

    private static SentimentLabel Label(string? label) => label switch
    {
        "positive" => SentimentLabel.Positive,
        "negative" => SentimentLabel.Negative,
        "mixed" => SentimentLabel.Mixed,
        _ => SentimentLabel.Neutral,
    };

    private SentimentResult Fallback(SentimentResult local, string reason)
    {
        Fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LogFallback(_logger, reason);
        return local with { Source = "local (fallback)" };
    }

    private sealed class LanguageClientOptions : ClientOptions;

    /// <summary>The resource key on every request (the header the service reads); it never appears in a log.</summary>
    private sealed class KeyPolicy(string key) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            message.Request.Headers.SetValue("Ocp-Apim-Subscription-Key", key);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language did not answer; the local analyzer answered instead ({Reason})")]
    private static partial void LogFallback(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azure AI Language request failed, retrying: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language request failed: {Reason}")]
    private static partial void LogRequestFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language failed {Failures} times in a row; the local analyzer answers alone for the next {Seconds} s")]
    private static partial void LogCircuitOpen(ILogger logger, int failures, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "A text of {Length} characters was cut to the service's {Limit} for analysis")]
    private static partial void LogTruncated(ILogger logger, int length, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Language could not analyze document {Id}: {Reason}")]
    private static partial void LogDocumentFailed(ILogger logger, string id, string reason);
}
