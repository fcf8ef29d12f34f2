using System.Data.Common;
using System.Globalization;
using SupportBot.Core.Cases;

namespace SupportBot.Core.Insight;

/// <summary>
/// The dashboard's queries over the facts turns recorded: one aggregate per chart over the conversations started in
/// the period (remedies: granted in it; prompts: shown in it), filtered by channel and category.
/// </summary>
public sealed class DashboardCharts(InsightStore store)
{
    /// <summary>The feeling bands, calmest first.</summary>
    public static readonly IReadOnlyList<string> Bands = ["positive", "calm", "mild", "upset", "furious"];

    /// <summary>The time-to-agent buckets' upper bounds in milliseconds, and their labels.</summary>
    public static readonly IReadOnlyList<(long Below, string Label)> Waits =
        [(60_000, "under 1 min"), (300_000, "1 to 5 min"), (900_000, "5 to 15 min"), (3_600_000, "15 to 60 min"), (long.MaxValue, "over 1 hour")];

    /// <summary>The key of a bar for conversations with no value there (no category yet, no step).</summary>
    public const string None = "(none)";

    /// <summary>The chart ids, in the order the dashboard shows them.</summary>
    public static readonly IReadOnlyList<string> Ids = ["volume", "containment", "feeling", "reasons", "categories", "ratings", "wait", "dropoff", "remedies", "cost"];

    /// <summary>The channels, or the categories (<paramref name="categories"/>), conversations were held on, for the filters.</summary>
    public async Task<IReadOnlyList<string>> ValuesAsync(bool categories, CancellationToken cancellationToken)
    {
        var column = categories ? "category" : "channel";
        var rows = await store.QueryAsync($"SELECT {column} FROM insight_conversations WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY {column}", [], r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return rows;
    }

    public async Task<InsightSummary> SummaryAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = new SqlText().Add("SELECT COUNT(*), SUM(contained), SUM(handoff), AVG(rating), AVG(time_to_agent), AVG(first_heat), AVG(last_heat) FROM insight_conversations").Where(filter);
        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => new InsightSummary(
            (long)Number(r, 0), (long)Number(r, 1), (long)Number(r, 2), Maybe(r, 3), Maybe(r, 4) / 1000, Maybe(r, 5), Maybe(r, 6)), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <summary>Every chart, in <see cref="Ids"/> order.</summary>
    public async Task<IReadOnlyList<Chart>> ChartsAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var charts = new List<Chart>(Ids.Count);
        foreach (var id in Ids)
        {
            charts.Add(await ChartAsync(id, filter, cancellationToken).ConfigureAwait(false));
        }

        return charts;
    }

    /// <summary>One chart by id.</summary>
    public Task<Chart> ChartAsync(string id, InsightFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return id switch
        {
            "volume" => VolumeAsync(filter, cancellationToken),
            "containment" => ContainmentAsync(filter, cancellationToken),
            "feeling" => FeelingAsync(filter, cancellationToken),
            "reasons" => ReasonsAsync(filter, cancellationToken),
            "categories" => CategoriesAsync(filter, cancellationToken),
            "ratings" => RatingsAsync(filter, cancellationToken),
            "wait" => WaitAsync(filter, cancellationToken),
            "dropoff" => DropOffAsync(filter, cancellationToken),
            "remedies" => RemediesAsync(filter, cancellationToken),
            "cost" => CostAsync(filter, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "No such chart."),
        };
    }

    /// <summary>
    /// Every prompt variant shown in the period, most shown first: from each day's figures (shown on that day), or,
    /// for one category, from the prompts shown in that category's conversations started in the period.
    /// </summary>
    public async Task<IReadOnlyList<PromptStats>> PromptsAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        SqlText sql;
        if (filter.Category is { Length: > 0 })
        {
            sql = new SqlText().Add("""
                SELECT p.prompt_key, p.variant, COUNT(*),
                    SUM(CASE WHEN p.outcome = 'answered' THEN 1 ELSE 0 END), SUM(CASE WHEN p.outcome = 'retried' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN p.outcome = 'left' THEN 1 ELSE 0 END), SUM(CASE WHEN p.outcome = 'person' THEN 1 ELSE 0 END),
                    AVG(p.feeling_change), SUM(CASE WHEN p.feeling_change < 0 THEN 1 ELSE 0 END), SUM(CASE WHEN p.feeling_change > 0 THEN 1 ELSE 0 END)
                FROM insight_conversations c JOIN insight_prompts p ON p.fact = c.id
                """).Where(filter, "c.").Add(" GROUP BY p.prompt_key, p.variant");
        }
        else
        {
            sql = new SqlText().Add("""
                SELECT prompt_key, variant, SUM(shown), SUM(answered), SUM(retried), SUM(no_reply), SUM(person),
                    SUM(change_sum) * 1.0 / NULLIF(SUM(change_count), 0), SUM(calmer), SUM(hotter)
                FROM insight_prompt_days
                """);
            sql.Add($" WHERE day >= {sql.P(InsightSql.Day(filter.From))} AND day < {sql.P(filter.To.ToUnixTimeMilliseconds())}");
            if (filter.Channel is { Length: > 0 } channel)
            {
                sql.Add($" AND channel = {sql.P(channel)}");
            }

            sql.Add(" GROUP BY prompt_key, variant");
        }

        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => new PromptStats(
            r.GetString(0), r.GetString(1), (long)Number(r, 2), (long)Number(r, 3), (long)Number(r, 4), (long)Number(r, 5), (long)Number(r, 6),
            Maybe(r, 7), (long)Number(r, 8), (long)Number(r, 9)), cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(p => p.Shown).ThenBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Variant, StringComparer.Ordinal)];
    }

    private async Task<Chart> VolumeAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var size = BucketSize(filter);
        var sql = new SqlText();
        var bucket = sql.P(size);
        sql.Add($"SELECT (started / {bucket}) * {bucket}, COUNT(*), SUM(handoff), SUM(contained) FROM insight_conversations").Where(filter).Add(" GROUP BY 1");
        var rows = (await store.QueryAsync(sql.ToString(), sql.Values, r => (Start: (long)Number(r, 0), Count: Number(r, 1), Handoffs: Number(r, 2), Contained: Number(r, 3)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Start);
        var starts = new List<long>();
        for (var start = filter.From.ToUnixTimeMilliseconds() / size * size; start < filter.To.ToUnixTimeMilliseconds(); start += size)
        {
            starts.Add(start);
        }

        var hourly = size < Day;
        return new Chart(
            "volume",
            "Conversations and handoffs over time",
            "period",
            [.. starts.Select(s => $"{s}~{s + size}")],
            [.. starts.Select(s => DateTimeOffset.FromUnixTimeMilliseconds(s).ToString(hourly ? "MM-dd HH:00" : "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [
                new ChartSeries("Conversations", [.. starts.Select(s => rows.TryGetValue(s, out var r) ? r.Count : 0)]),
                new ChartSeries("Handed to a person", [.. starts.Select(s => rows.TryGetValue(s, out var r) ? r.Handoffs : 0)], "outcome=handoff"),
                new ChartSeries("Resolved without a person", [.. starts.Select(s => rows.TryGetValue(s, out var r) ? r.Contained : 0)], "outcome=resolved"),
            ]);
    }

    private async Task<Chart> ContainmentAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        string[] keys = [Outcomes.Resolved, Outcomes.Handoff, Outcomes.Open];
        var counts = await SumsAsync(keys.Select(k => ("outcome", (object)k)), filter, cancellationToken).ConfigureAwait(false);
        return new Chart("containment", "Containment: resolved without a person", "outcome", keys,
            ["Resolved without a person", "Handed to a person", "Open or left"], [new ChartSeries("Conversations", counts)]);
    }

    private async Task<Chart> FeelingAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var counts = await SumsAsync(Bands.Select(b => ("first_feeling", (object)b)).Concat(Bands.Select(b => ("last_feeling", (object)b))), filter, cancellationToken).ConfigureAwait(false);
        return new Chart("feeling", "Feeling at the first and the last customer turn", "first", Bands, Bands,
        [
            new ChartSeries("First turn", [.. counts.Take(Bands.Count)]),
            new ChartSeries("Last turn", [.. counts.Skip(Bands.Count)], "last={key}"),
        ]);
    }

    private async Task<Chart> ReasonsAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var reasons = Enum.GetNames<HandoffReason>();
        var counts = await SumsAsync(reasons.Select(r => ("handoff_reason", (object)r)), filter, cancellationToken).ConfigureAwait(false);
        var keys = reasons.Select((r, i) => (Reason: r, Count: counts[i])).Where(r => r.Count > 0).OrderByDescending(r => r.Count).ToList();
        return new Chart("reasons", "Why conversations went to a person", "reason", [.. keys.Select(k => k.Reason)], [.. keys.Select(k => Words(k.Reason))],
            [new ChartSeries("Handoffs", [.. keys.Select(k => k.Count)])]);
    }

    private async Task<Chart> CategoriesAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = new SqlText().Add("SELECT category, COUNT(*), SUM(handoff), SUM(contained) FROM insight_conversations").Where(filter).Add(" GROUP BY category ORDER BY 2 DESC");
        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => (Key: Text(r, 0) ?? None, Count: Number(r, 1), Handoffs: Number(r, 2), Contained: Number(r, 3)), cancellationToken).ConfigureAwait(false);
        return new Chart("categories", "Categories", "category", [.. rows.Select(r => r.Key)], [.. rows.Select(r => r.Key == None ? "not known" : r.Key)],
        [
            new ChartSeries("Conversations", [.. rows.Select(r => r.Count)]),
            new ChartSeries("Handed to a person", [.. rows.Select(r => r.Handoffs)], "outcome=handoff"),
            new ChartSeries("Resolved without a person", [.. rows.Select(r => r.Contained)], "outcome=resolved"),
        ]);
    }

    private async Task<Chart> RatingsAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        string[] keys = ["1", "2", "3", "4", "5"];
        var counts = await SumsAsync(keys.Select(k => ("rating", (object)int.Parse(k, CultureInfo.InvariantCulture))), filter, cancellationToken).ConfigureAwait(false);
        return new Chart("ratings", "Satisfaction ratings", "rating", keys, [.. keys.Select(k => k + " of 5")], [new ChartSeries("Ratings", counts)]);
    }

    private async Task<Chart> WaitAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sums = string.Join(", ", Waits.Select((w, i) => $"SUM(CASE WHEN time_to_agent >= {(i == 0 ? 0 : Waits[i - 1].Below)}{(i < Waits.Count - 1 ? $" AND time_to_agent < {w.Below}" : string.Empty)} THEN 1 ELSE 0 END)"));
        var sql = new SqlText().Add($"SELECT {sums} FROM insight_conversations").Where(filter);
        var counts = (await store.QueryAsync(sql.ToString(), sql.Values, r => Enumerable.Range(0, Waits.Count).Select(i => Number(r, i)).ToList(), cancellationToken).ConfigureAwait(false))[0];
        var keys = Waits.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList();
        return new Chart("wait", "Time to a colleague", "wait", keys, [.. Waits.Select(w => w.Label)], [new ChartSeries("Conversations", counts)]);
    }

    private async Task<Chart> DropOffAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = new SqlText().Add("SELECT last_step, outcome, COUNT(*) FROM insight_conversations").Where(filter).Add(" GROUP BY last_step, outcome");
        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => (Step: Text(r, 0) ?? None, Outcome: r.GetString(1), Count: Number(r, 2)), cancellationToken).ConfigureAwait(false);
        double Count(string step, string outcome) => rows.Where(r => r.Step == step && r.Outcome == outcome).Sum(r => r.Count);
        var steps = rows.GroupBy(r => r.Step).OrderByDescending(g => g.Where(r => r.Outcome == Outcomes.Open).Sum(r => r.Count)).ThenByDescending(g => g.Sum(r => r.Count)).Take(20).Select(g => g.Key).ToList();
        return new Chart("dropoff", "Where conversations ended, by the last dialog step", "step", steps, steps,
        [
            new ChartSeries("Open or left", [.. steps.Select(s => Count(s, Outcomes.Open))], "outcome=open"),
            new ChartSeries("Handed to a person", [.. steps.Select(s => Count(s, Outcomes.Handoff))], "outcome=handoff"),
            new ChartSeries("Resolved without a person", [.. steps.Select(s => Count(s, Outcomes.Resolved))], "outcome=resolved"),
        ]);
    }

    private async Task<Chart> RemediesAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = Granted(new SqlText().Add("SELECT title, COUNT(*), SUM(by_colleague) FROM insight_remedies"), filter).Add(" GROUP BY title ORDER BY 2 DESC");
        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => (Title: r.GetString(0), Count: Number(r, 1), ByColleague: Number(r, 2)), cancellationToken).ConfigureAwait(false);
        return new Chart("remedies", "Remedies granted", "remedy", [.. rows.Select(r => r.Title)], [.. rows.Select(r => r.Title)],
        [
            new ChartSeries("By the bot", [.. rows.Select(r => r.Count - r.ByColleague)]),
            new ChartSeries("By a colleague", [.. rows.Select(r => r.ByColleague)]),
        ]);
    }

    private async Task<Chart> CostAsync(InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = Granted(new SqlText().Add("SELECT currency, SUM(amount), COUNT(*) FROM insight_remedies"), filter).Add(" AND amount IS NOT NULL GROUP BY currency ORDER BY 1");
        var rows = await store.QueryAsync(sql.ToString(), sql.Values, r => (Currency: Text(r, 0) ?? None, Amount: Math.Round(Number(r, 1), 2), Count: Number(r, 2)), cancellationToken).ConfigureAwait(false);
        return new Chart("cost", "What granted remedies cost, by currency", "currency", [.. rows.Select(r => r.Currency)], [.. rows.Select(r => r.Currency)],
        [
            new ChartSeries("Amount", [.. rows.Select(r => r.Amount)]),
            new ChartSeries("Remedies", [.. rows.Select(r => r.Count)]),
        ]);
    }

    private const long Hour = 3_600_000, Day = 24 * Hour;

    /// <summary>Hours for a period of up to three days, days up to a year, weeks beyond.</summary>
    private static long BucketSize(InsightFilter filter) => (filter.To - filter.From).TotalDays switch
    {
        <= 3 => Hour,
        <= 400 => Day,
        _ => 7 * Day,
    };

    /// <summary>Remedies granted in the period, on its channel and category.</summary>
    private static SqlText Granted(SqlText sql, InsightFilter filter)
    {
        sql.Add($" WHERE granted_at >= {sql.P(filter.From.ToUnixTimeMilliseconds())} AND granted_at < {sql.P(filter.To.ToUnixTimeMilliseconds())}");
        if (filter.Channel is { Length: > 0 } channel)
        {
            sql.Add($" AND channel = {sql.P(channel)}");
        }

        return filter.Category is { Length: > 0 } category ? sql.Add($" AND category = {sql.P(category)}") : sql;
    }

    /// <summary>
    /// How many conversations of the filter have each (column, value), counted in one pass over them: for the charts
    /// whose bars are known beforehand, a sum per bar is cheaper than grouping (which sorts).
    /// </summary>
    private async Task<List<double>> SumsAsync(IEnumerable<(string Column, object Value)> bars, InsightFilter filter, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        var sums = bars.Select(b => $"SUM(CASE WHEN {b.Column} = {sql.P(b.Value)} THEN 1 ELSE 0 END)").ToList();
        sql.Add($"SELECT {string.Join(", ", sums)} FROM insight_conversations").Where(filter);
        return (await store.QueryAsync(sql.ToString(), sql.Values, r => Enumerable.Range(0, sums.Count).Select(i => Number(r, i)).ToList(), cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>"RemedyNeedsApproval" as "Remedy needs approval".</summary>
    public static string Words(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : c.ToString()));

    internal static double Number(DbDataReader reader, int index) => reader.IsDBNull(index) ? 0 : Convert.ToDouble(reader.GetValue(index), CultureInfo.InvariantCulture);

    internal static double? Maybe(DbDataReader reader, int index) => reader.IsDBNull(index) ? null : Convert.ToDouble(reader.GetValue(index), CultureInfo.InvariantCulture);

    internal static string? Text(DbDataReader reader, int index) => reader.IsDBNull(index) ? null : reader.GetString(index);
}
