using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Core.Sentiment;
using SupportBot.Web.Sentiment;
using SupportBot.Web.Tests.Infrastructure;

namespace SupportBot.Web.Tests.Sentiment;

/// <summary>
/// The Azure AI Language provider against a fake Language service on 127.0.0.1 that speaks the documented shapes:
/// opinion mining, batching, the cache, 401, 429 with Retry-After, 500, timeouts, malformed bodies, per-document
/// errors and the circuit breaker; every failure ends with the local analyzer's answer, never a stalled turn.
/// The analyzer's clock is fake: budgets, Retry-After and the circuit run only when a test advances it.
/// </summary>
public sealed class AzureLanguageAnalyzerTests
{
    private static readonly LocalSentimentAnalyzer Local = LocalSentimentAnalyzer.Load(Path.Combine(Web.Hosting.AppRoot.Find(), "dialogs", "sentiment-lexicon.tsv"));

    /// <summary>Only so that a broken test fails instead of hanging; no assertion depends on real time.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Success_SendsTheDocumentedRequest_AndReadsOpinionTargets()
    {
        await using var service = await FakeLanguage.StartAsync();
        var analyzer = Analyzer(service, new FakeTimeProvider());

        var result = await analyzer.AnalyzeAsync("The refund is three weeks late.", CancellationToken.None);

        Assert.Equal("azure", result.Source);
        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Contains(result.Targets, t => t.Text == "refund" && t.Label == SentimentLabel.Negative);
        Assert.NotEmpty(result.Emotions); // the local analyzer's, which the service does not report
        var request = Assert.Single(service.Requests);
        Assert.Equal("/language/:analyze-text?api-version=2023-04-01", request.Path);
        Assert.Equal("test-key", request.Key);
        Assert.Equal("SentimentAnalysis", request.Body["kind"]!.GetValue<string>());
        Assert.True(request.Body["parameters"]!["opinionMining"]!.GetValue<bool>());
        Assert.Equal("en", request.Body["analysisInput"]!["documents"]![0]!["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task Success_TheBandComesFromTheServicesConfidencesAndTheLocalSignals()
    {
        await using var service = await FakeLanguage.StartAsync();
        var analyzer = Analyzer(service, new FakeTimeProvider());

        var shouted = await analyzer.AnalyzeAsync("FIX. THE. ROKU. APP. IMMEDIATELY.", CancellationToken.None);
        var late = await analyzer.AnalyzeAsync("The refund is three weeks late.", CancellationToken.None);

        Assert.Equal("azure", shouted.Source);
        Assert.Equal(Feeling.Furious, shouted.Feeling);
        Assert.True(shouted.Signals.HasFlag(FeelingSignal.Shouting), shouted.Signals.ToString());
        Assert.Equal("azure", late.Source);
        Assert.Equal(Local.Band("The refund is three weeks late.", late.Scores), late.Feeling);
        Assert.True(late.Feeling is Feeling.Mild or Feeling.Upset, $"a late refund the service reads as negative is {late.Feeling}");
    }

    [Fact]
    public async Task ManyTextsAtOnce_GoInBatchesOfAtMostTen_AndIdenticalTextsAreSentOnce()
    {
        await using var service = await FakeLanguage.StartAsync();
        var analyzer = Analyzer(service, new FakeTimeProvider());

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => analyzer.AnalyzeAsync($"order {i} never arrived", CancellationToken.None).AsTask()));
        var again = await analyzer.AnalyzeAsync("order 3 never arrived", CancellationToken.None);

        Assert.All(results, r => Assert.Equal("azure", r.Source));
        Assert.All(service.Requests, r => Assert.InRange(r.Body["analysisInput"]!["documents"]!.AsArray().Count, 1, AzureLanguageAnalyzer.MaxDocuments));
        Assert.Equal(25, service.Requests.Sum(r => r.Body["analysisInput"]!["documents"]!.AsArray().Count));
        Assert.True(service.Requests.Count <= 5, $"{service.Requests.Count} requests for 25 texts");
        Assert.Equal("azure", again.Source);
        Assert.Equal(25, service.Requests.Sum(r => r.Body["analysisInput"]!["documents"]!.AsArray().Count));
    }

    [Fact]
    public async Task Throttled_429WithRetryAfter_IsRetriedAfterTheWait()
    {
        await using var service = await FakeLanguage.StartAsync();
        service.Then(async http =>
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "7";
            await http.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "slow down" } });
        });
        var time = new SignallingTimeProvider();
        var analyzer = Analyzer(service, time, timeoutMs: 10_000);

        var pending = analyzer.AnalyzeAsync("the refund is late", CancellationToken.None).AsTask();
        await time.WhenArmedAsync(TimeSpan.FromSeconds(7)).WaitAsync(Hang);
        var beforeTheWait = service.Requests.Count;
        time.Advance(TimeSpan.FromSeconds(7));
        var result = await pending.WaitAsync(Hang);

        Assert.Equal(1, beforeTheWait);
        Assert.Equal("azure", result.Source);
        Assert.Equal(2, service.Requests.Count);
    }

    public static TheoryData<string> Failures => new() { "401", "500", "malformed", "timeout" };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ServiceFailure_TheLocalAnalyzerAnswersWithinTheBudget(string failure)
    {
        await using var service = await FakeLanguage.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            service.Then(failure switch
            {
                "401" => http => Status(http, 401, "Unauthorized"),
                "500" => http => Status(http, 500, "InternalServerError"),
                "malformed" => http => http.Response.WriteAsync("{\"kind\": \"SentimentAnalysisResults\", \"results\": "),
                _ => service.NeverAnswerAsync,
            });
        }

        // A budget far longer than the test may take: only the fake clock can bring the answer in time.
        var time = new FakeTimeProvider();
        var analyzer = Analyzer(service, time, timeoutMs: 60_000);

        var pending = analyzer.AnalyzeAsync("my parcel never arrived and nobody answers", CancellationToken.None).AsTask();
        Assert.True(await service.Arrived.WaitAsync(Hang), "no request reached the service");
        time.Advance(TimeSpan.FromSeconds(60));
        var result = await pending.WaitAsync(Hang);

        Assert.Equal("local (fallback)", result.Source);
        Assert.Equal(Local.Analyze("my parcel never arrived and nobody answers").Compound, result.Compound);
    }

    [Fact]
    public async Task SlowService_TheTurnWaitsItsWholeBudget_ThenTheLocalAnalyzerAnswers()
    {
        await using var service = await FakeLanguage.StartAsync();
        service.Then(service.NeverAnswerAsync);
        var time = new FakeTimeProvider();
        var analyzer = Analyzer(service, time, timeoutMs: 1500);

        var pending = analyzer.AnalyzeAsync("where is my parcel", CancellationToken.None).AsTask();
        Assert.True(await service.Arrived.WaitAsync(Hang), "no request reached the service");
        time.Advance(TimeSpan.FromMilliseconds(1499));
        var answeredEarly = pending.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await pending.WaitAsync(Hang);

        Assert.False(answeredEarly, "the turn gave up on the service before its budget was spent");
        Assert.Equal("local (fallback)", result.Source);
    }

    [Fact]
    public async Task PerDocumentError_OnlyThatTextFallsBack()
    {
        await using var service = await FakeLanguage.StartAsync();
        service.FailDocument = "second text";
        var analyzer = Analyzer(service, new FakeTimeProvider());

        // Sent together, the two usually share one request; either way only the failed text falls back.
        var results = await Task.WhenAll(analyzer.AnalyzeAsync("first text about a late refund", CancellationToken.None).AsTask(), analyzer.AnalyzeAsync("second text", CancellationToken.None).AsTask());

        Assert.InRange(service.Requests.Count, 1, 2);
        Assert.Equal(["azure", "local (fallback)"], results.Select(r => r.Source));
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_SoTheServiceIsLeftAloneForAWhile()
    {
        await using var service = await FakeLanguage.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            service.Then(http => Status(http, 401, "Unauthorized"));
        }

        var time = new FakeTimeProvider();
        var analyzer = Analyzer(service, time, failuresToBreak: 2, breakSeconds: 30);
        await analyzer.AnalyzeAsync("one", CancellationToken.None);
        await analyzer.AnalyzeAsync("two", CancellationToken.None);
        var before = service.Requests.Count;

        var whileOpen = await analyzer.AnalyzeAsync("three", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));
        var stillOpen = await analyzer.AnalyzeAsync("four", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var closedAgain = await analyzer.AnalyzeAsync("five", CancellationToken.None);

        Assert.Equal(2, before);
        Assert.Equal("local (fallback)", whileOpen.Source);
        Assert.Equal("local (fallback)", stillOpen.Source);
        Assert.Equal("azure", closedAgain.Source);
        Assert.Equal(3, service.Requests.Count);
    }

    [Fact]
    public async Task LongText_IsCutToTheServicesLimit()
    {
        await using var service = await FakeLanguage.StartAsync();
        var analyzer = Analyzer(service, new FakeTimeProvider());

        await analyzer.AnalyzeAsync(new string('a', 6000) + " the refund is late", CancellationToken.None);

        Assert.Equal(AzureLanguageAnalyzer.MaxTextElements, service.Requests[0].Body["analysisInput"]!["documents"]![0]!["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Conversation_WithTheServiceDown_GoesOnWithTheLocalAnalyzer()
    {
        await using var service = await FakeLanguage.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            service.Then(http => Status(http, 500, "InternalServerError"));
        }

        await using var host = await BotHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Sentiment:Provider"] = "AzureLanguage",
            ["Sentiment:Endpoint"] = service.Endpoint,
            ["Sentiment:Key"] = "test-key",
            ["Sentiment:TimeoutMilliseconds"] = "300",
        });
        var conversationId = TestActivities.NewConversationId();

        await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "hi"));
        var acknowledged = await host.ExpectRepliesAsync(TestActivities.Message(conversationId, "My parcel never arrived, order 48213, two weeks ago"));

        host.Wording.AssertIsAny("empathy.", acknowledged[0].Text);
        Assert.NotEmpty(service.Requests);
    }

    [Fact]
    public async Task SentimentCommand_TsvWithTheAzureProvider_PrintsOneLinePerRowInOrder()
    {
        await using var service = await FakeLanguage.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"sentiment-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file, ["id\ttext", .. Enumerable.Range(1, 12).Select(i => $"{i}\tmy refund number {i} is late")]);
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Web.Hosting.AppRoot.Find(), RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "supportbot.dll"), "sentiment", "--tsv", file, "--provider", "AzureLanguage" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["Sentiment__Endpoint"] = service.Endpoint;
            start.Environment["Sentiment__Key"] = "test-key";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, error);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(12, lines.Length);
            Assert.All(lines, l => Assert.Equal("negative\t-0.9300", l));
            Assert.Equal(12, service.Requests.Sum(r => r.Body["analysisInput"]!["documents"]!.AsArray().Count));
            Assert.True(service.Requests.Count <= 4);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static AzureLanguageAnalyzer Analyzer(FakeLanguage service, TimeProvider time, int timeoutMs = 2000, int failuresToBreak = 5, int breakSeconds = 30) =>
        new(new SentimentOptions { Provider = SentimentProvider.AzureLanguage, Endpoint = service.Endpoint, Key = "test-key", TimeoutMilliseconds = timeoutMs, FailuresToBreak = failuresToBreak, BreakSeconds = breakSeconds }, Local, time, NullLogger<AzureLanguageAnalyzer>.Instance);

    private static async Task Status(HttpContext http, int status, string code)
    {
        http.Response.StatusCode = status;
        http.Response.Headers["x-ms-error-code"] = code;
        await http.Response.WriteAsJsonAsync(new { error = new { code, message = "fake failure" } });
    }

    /// <summary>A fake Azure AI Language resource: scripted answers first, then well-formed results for every document.</summary>
    private sealed class FakeLanguage : IAsyncDisposable
    {
        private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
        private readonly ConcurrentQueue<SeenRequest> _requests = new();
        private readonly CancellationTokenSource _stopping = new();
        private WebApplication _app = null!;

        public string Endpoint { get; private set; } = null!;

        public IReadOnlyList<SeenRequest> Requests => [.. _requests];

        /// <summary>The text of a document that gets a per-document error (whatever its id in the batch).</summary>
        public string? FailDocument { get; set; }

        /// <summary>Released once for every request that reaches the service.</summary>
        public SemaphoreSlim Arrived { get; } = new(0);

        public static async Task<FakeLanguage> StartAsync()
        {
            var fake = new FakeLanguage();
            (fake._app, var root) = await LoopbackServer.StartAsync(fake.HandleAsync);
            fake.Endpoint = root.ToString().TrimEnd('/');
            return fake;
        }

        public void Then(Func<HttpContext, Task> answer) => _script.Enqueue(answer);

        /// <summary>An answer that never comes: the request hangs until the client gives up or the service stops.</summary>
        public async Task NeverAnswerAsync(HttpContext http)
        {
            var gaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var aborted = http.RequestAborted.Register(() => gaveUp.TrySetResult());
            using var stopped = _stopping.Token.Register(() => gaveUp.TrySetResult());
            await gaveUp.Task;
        }

        private async Task HandleAsync(HttpContext http)
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            _requests.Enqueue(new SeenRequest(http.Request.Path + http.Request.QueryString, http.Request.Headers["Ocp-Apim-Subscription-Key"].ToString(), body));
            Arrived.Release();
            if (_script.TryDequeue(out var scripted))
            {
                await scripted(http);
                return;
            }

            var documents = new JsonArray();
            var errors = new JsonArray();
            foreach (var document in body["analysisInput"]!["documents"]!.AsArray())
            {
                var id = document!["id"]!.GetValue<string>();
                var text = document["text"]!.GetValue<string>();
                if (text == FailDocument)
                {
                    errors.Add(new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["code"] = "InvalidArgument", ["message"] = "Invalid document in request." } });
                    continue;
                }

                var targets = new JsonArray();
                if (text.Contains("refund", StringComparison.Ordinal))
                {
                    targets.Add(new JsonObject { ["text"] = "refund", ["sentiment"] = "negative", ["confidenceScores"] = new JsonObject { ["positive"] = 0.02, ["negative"] = 0.98 }, ["offset"] = 4, ["length"] = 6 });
                }

                documents.Add(new JsonObject
                {
                    ["id"] = id,
                    ["sentiment"] = "negative",
                    ["confidenceScores"] = new JsonObject { ["positive"] = 0.01, ["neutral"] = 0.05, ["negative"] = 0.94 },
                    ["sentences"] = new JsonArray(new JsonObject
                    {
                        ["text"] = text,
                        ["sentiment"] = "negative",
                        ["confidenceScores"] = new JsonObject { ["positive"] = 0.01, ["neutral"] = 0.05, ["negative"] = 0.94 },
                        ["offset"] = 0,
                        ["length"] = text.Length,
                        ["targets"] = targets,
                        ["assessments"] = new JsonArray(),
                    }),
                    ["warnings"] = new JsonArray(),
                });
            }

            await http.Response.WriteAsJsonAsync(new JsonObject { ["kind"] = "SentimentAnalysisResults", ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = errors, ["modelVersion"] = "2022-11-01" } });
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            await _app.StopAsync();
            await _app.DisposeAsync();
            _stopping.Dispose();
            Arrived.Dispose();
        }
    }

    private sealed record SeenRequest(string Path, string Key, JsonNode Body);
}
