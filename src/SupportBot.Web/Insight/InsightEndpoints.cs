using SupportBot.Core.Insight;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Agents;

namespace SupportBot.Web.Insight;

/// <summary>
/// What admins see, for the <c>admin</c> role only (an agent gets 403): the dashboard at <c>/admin/dashboard</c>, the
/// conversation review at <c>/admin/review</c>, and their JSON under <c>/admin/api/analytics</c>: every chart and
/// prompt variant's figures for a period, the conversations behind a bar, one conversation with its messages, and
/// exports of conversations, transcripts and metrics as CSV or JSON.
/// </summary>
public static class InsightEndpoints
{
    private const int PageSize = 50, MaxConversations = 100_000, MaxTranscripts = 1_000;

    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization(AgentRoles.Admin);
        admin.MapGet("/dashboard", () => Embedded("dashboard.html"));
        admin.MapGet("/review", () => Embedded("review.html"));
        admin.MapGet("/insight/{file}", (string file) => file is "insight.css" or "insight.js" or "dashboard.js" or "review.js" ? Embedded(file) : Results.NotFound());

        var api = admin.MapGroup("/api/analytics");
        api.MapGet("/dashboard", DashboardAsync);
        api.MapGet("/conversations", FindAsync);
        api.MapGet("/conversations/{id}", ConversationAsync);
        api.MapGet("/export/{file}", ExportAsync);
        return app;
    }

    private static async Task<IResult> DashboardAsync(HttpRequest request, DashboardCharts charts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (filter, problem) = InsightRequest.Filter(request.Query, time);
        return filter is null ? problem! : Results.Json(await ViewAsync(filter, charts, cancellationToken).ConfigureAwait(false), InsightJson.Default.InsightView);
    }

    private static async Task<IResult> FindAsync(HttpRequest request, ConversationSearch search, DashboardCharts charts, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = InsightRequest.Review(request.Query, time, PageSize, 500);
        if (query is null)
        {
            return problem!;
        }

        var items = await search.FindAsync(query, cancellationToken).ConfigureAwait(false);
        var total = await search.CountAsync(query, cancellationToken).ConfigureAwait(false);
        var channels = await charts.ValuesAsync(categories: false, cancellationToken).ConfigureAwait(false);
        var categories = await charts.ValuesAsync(categories: true, cancellationToken).ConfigureAwait(false);
        return Results.Json(new ReviewPage(total, items, channels, categories), InsightJson.Default.ReviewPage);
    }

    private static async Task<IResult> ConversationAsync(string id, ConversationSearch search, ITranscriptStore transcripts, CancellationToken cancellationToken) =>
        await DetailAsync(id, search, transcripts, cancellationToken).ConfigureAwait(false) is { } detail
            ? Results.Json(detail, InsightJson.Default.ConversationDetail)
            : Results.NotFound();

    /// <summary><c>conversations</c>, <c>transcripts</c> or <c>metrics</c>, as <c>.csv</c> or <c>.json</c>, for the period and filters asked.</summary>
    private static async Task<IResult> ExportAsync(string file, HttpRequest request, DashboardCharts charts, ConversationSearch search, ITranscriptStore transcripts, TimeProvider time, CancellationToken cancellationToken)
    {
        var csv = file.EndsWith(".csv", StringComparison.Ordinal);
        if (!csv && !file.EndsWith(".json", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var what = file[..file.LastIndexOf('.')];
        var max = what == "transcripts" ? MaxTranscripts : MaxConversations;
        var (query, problem) = InsightRequest.Review(request.Query, time, max, max);
        if (query is null)
        {
            return problem!;
        }

        var name = $"supportbot-{what}-{query.Filter.From:yyyyMMdd}-{query.Filter.To.AddDays(-1):yyyyMMdd}.{(csv ? "csv" : "json")}";
        switch (what)
        {
            case "conversations":
                var rows = await search.FindAsync(query, cancellationToken).ConfigureAwait(false);
                return csv
                    ? Download(InsightCsv.Write(ConversationColumns, rows.Select(ConversationRow)), name)
                    : new AttachmentResult(Results.Json(new ReviewPage(rows.Count, rows), InsightJson.Default.ReviewPage), name);
            case "transcripts":
                var details = new List<ConversationDetail>();
                foreach (var facts in await search.FindAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    details.Add((await DetailAsync(facts.Id, search, transcripts, cancellationToken).ConfigureAwait(false))!);
                }

                return csv
                    ? Download(InsightCsv.Write(["conversation", "channel", "conversation_id", "at", "who", "name", "feeling", "text"],
                        details.SelectMany(d => d.Lines.Select(l => (IReadOnlyList<object?>)[d.Review.Facts.Id, d.Review.Facts.ChannelId, d.Review.Facts.ConversationId, l.At, l.Who, l.Name, l.Feeling, l.Text]))), name)
                    : new AttachmentResult(Results.Json(details, InsightJson.Default.ListConversationDetail), name);
            case "metrics":
                var view = await ViewAsync(query.Filter, charts, cancellationToken).ConfigureAwait(false);
                return csv ? Download(InsightCsv.Write(["chart", "label", "key", "series", "value"], MetricRows(view)), name) : new AttachmentResult(Results.Json(view, InsightJson.Default.InsightView), name);
            default:
                return Results.NotFound();
        }
    }

    private static async Task<InsightView> ViewAsync(InsightFilter filter, DashboardCharts charts, CancellationToken cancellationToken) => new(
        filter,
        await charts.SummaryAsync(filter, cancellationToken).ConfigureAwait(false),
        await charts.ChartsAsync(filter, cancellationToken).ConfigureAwait(false),
        await charts.PromptsAsync(filter, cancellationToken).ConfigureAwait(false),
        await charts.ValuesAsync(categories: false, cancellationToken).ConfigureAwait(false),
        await charts.ValuesAsync(categories: true, cancellationToken).ConfigureAwait(false));

    private static async Task<ConversationDetail?> DetailAsync(string id, ConversationSearch search, ITranscriptStore transcripts, CancellationToken cancellationToken)
    {
        if (await search.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } review)
        {
            return null;
        }

        var activities = await transcripts.GetTranscriptAsync(review.Facts.ChannelId, review.Facts.ConversationId, 0, cancellationToken).ConfigureAwait(false);
        return new ConversationDetail(review, ReviewLine.Of(review, activities));
    }

    private static readonly string[] ConversationColumns =
        ["id", "channel", "conversation_id", "case_id", "started", "last_at", "category", "first_feeling", "last_feeling", "outcome", "handoff_reason", "resolved", "contained", "seconds_to_agent", "rating", "last_step", "customer_turns"];

    private static IReadOnlyList<object?> ConversationRow(ConversationFacts c) =>
        [c.Id, c.ChannelId, c.ConversationId, c.CaseId, c.Started, c.LastAt, c.Category, c.FirstFeeling, c.LastFeeling, c.Outcome, c.HandoffReason, c.Resolved, c.Contained, c.SecondsToAgent, c.Rating, c.LastStep, c.CustomerTurns];

    private static IEnumerable<IReadOnlyList<object?>> MetricRows(InsightView view)
    {
        var s = view.Summary;
        foreach (var (label, value) in new (string, double?)[]
        {
            ("conversations", s.Conversations), ("resolved without a person", s.Contained), ("handed to a person", s.HandedOff), ("average rating", s.AverageRating),
            ("average seconds to a colleague", s.AverageSecondsToAgent), ("average heat at the first turn", s.FirstHeat), ("average heat at the last turn", s.LastHeat),
        })
        {
            yield return ["summary", label, null, null, value];
        }

        foreach (var chart in view.Charts)
        {
            for (var i = 0; i < chart.Labels.Count; i++)
            {
                foreach (var series in chart.Series)
                {
                    yield return [chart.Id, chart.Labels[i], chart.Keys[i], series.Name, series.Values[i]];
                }
            }
        }

        foreach (var p in view.Prompts)
        {
            var label = $"{p.Key} / {p.Variant}";
            foreach (var (series, value) in new (string, double?)[] { ("shown", p.Shown), ("answered", p.Answered), ("retried", p.Retried), ("left", p.Left), ("asked for a person", p.Person), ("feeling change", p.FeelingChange), ("calmer", p.Calmer), ("hotter", p.Hotter) })
            {
                yield return ["prompts", label, p.Variant, series, value];
            }
        }
    }

    private static IResult Download(string csv, string name) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);

    private static IResult Embedded(string file)
    {
        using var stream = typeof(InsightEndpoints).Assembly.GetManifestResourceStream("SupportBot.Web.Insight." + file)!;
        using var reader = new StreamReader(stream);
        var type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "text/javascript; charset=utf-8",
        };
        return Results.Content(reader.ReadToEnd(), type);
    }

    /// <summary>A JSON answer the browser saves as a file.</summary>
    private sealed class AttachmentResult(IResult inner, string name) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
