using System.Data.Common;
using System.Globalization;

namespace SupportBot.Core.Insight;

/// <summary>Finds conversations to review (newest first) and reads one with its customer turns and remedies.</summary>
public sealed class ConversationSearch(InsightStore store)
{
    private const string Columns = "id, channel, conversation, case_id, started, last_at, category, first_feeling, last_feeling, first_heat, last_heat, handoff_reason, resolved, time_to_agent, rating, last_step, customer_turns";

    /// <summary>The conversations <paramref name="query"/> asks for, newest first, at most <see cref="ReviewQuery.Limit"/>.</summary>
    public Task<List<ConversationFacts>> FindAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new SqlText().Add($"SELECT {Columns} FROM insight_conversations c").Where(query.Filter, "c.");
        Narrow(sql, query);
        sql.Add($" ORDER BY c.started DESC, c.id LIMIT {sql.P(Math.Clamp(query.Limit, 1, 100_000))} OFFSET {sql.P(Math.Max(0, query.Offset))}");
        return store.QueryAsync(sql.ToString(), sql.Values, Facts, cancellationToken);
    }

    /// <summary>How many conversations <paramref name="query"/> matches in all.</summary>
    public async Task<long> CountAsync(ReviewQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new SqlText().Add("SELECT COUNT(*) FROM insight_conversations c").Where(query.Filter, "c.");
        Narrow(sql, query);
        return (long)(await store.QueryAsync(sql.ToString(), sql.Values, r => DashboardCharts.Number(r, 0), cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>One conversation with its customer turns (oldest first) and remedies, or null.</summary>
    public async Task<ConversationReview?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var sql = new SqlText();
        sql.Add($"SELECT {Columns} FROM insight_conversations WHERE id = {sql.P(id)}");
        if ((await store.QueryAsync(sql.ToString(), sql.Values, Facts, cancellationToken).ConfigureAwait(false)) is not [var facts])
        {
            return null;
        }

        var turns = new SqlText();
        turns.Add($"SELECT fact, activity_id, at, feeling, text FROM insight_turns WHERE fact = {turns.P(id)} ORDER BY at, id");
        var remedies = new SqlText();
        remedies.Add($"SELECT id, fact, channel, category, remedy_id, title, amount, currency, by_colleague, granted_at FROM insight_remedies WHERE fact = {remedies.P(id)} ORDER BY granted_at, id");
        return new ConversationReview(
            facts,
            await store.QueryAsync(turns.ToString(), turns.Values, r => new CustomerTurnFact(r.GetString(0), DashboardCharts.Text(r, 1), Time(r, 2), DashboardCharts.Text(r, 3), DashboardCharts.Text(r, 4)), cancellationToken).ConfigureAwait(false),
            await store.QueryAsync(remedies.ToString(), remedies.Values, r => new RemedyFact(
                r.GetString(0), r.GetString(1), r.GetString(2), DashboardCharts.Text(r, 3), DashboardCharts.Text(r, 4), r.GetString(5),
                r.IsDBNull(6) ? null : Convert.ToDecimal(r.GetValue(6), CultureInfo.InvariantCulture), DashboardCharts.Text(r, 7), DashboardCharts.Number(r, 8) > 0, Time(r, 9)), cancellationToken).ConfigureAwait(false));
    }

    private static void Narrow(SqlText sql, ReviewQuery query)
    {
        if (query.Outcome is { Length: > 0 } outcome)
        {
            sql.Add($" AND c.outcome = {sql.P(outcome)}");
        }

        if (query.First is { Length: > 0 } first)
        {
            sql.Add($" AND c.first_feeling = {sql.P(first)}");
        }

        if (query.Last is { Length: > 0 } last)
        {
            sql.Add($" AND c.last_feeling = {sql.P(last)}");
        }

        switch (query.Reason)
        {
            case null or "":
                break;
            case "any":
                sql.Add(" AND c.handoff = 1");
                break;
            case "none":
                sql.Add(" AND c.handoff = 0");
                break;
            default:
                sql.Add($" AND c.handoff_reason = {sql.P(query.Reason)}");
                break;
        }

        if (query.Rating is { } rating)
        {
            sql.Add($" AND c.rating = {sql.P(rating)}");
        }

        if (query.Step is { Length: > 0 } step)
        {
            sql.Add(step == DashboardCharts.None ? " AND c.last_step IS NULL" : $" AND c.last_step = {sql.P(step)}");
        }

        if (query.Wait is { } wait && wait >= 0 && wait < DashboardCharts.Waits.Count)
        {
            var from = wait == 0 ? 0 : DashboardCharts.Waits[wait - 1].Below;
            sql.Add($" AND c.time_to_agent >= {sql.P(from)}");
            if (wait < DashboardCharts.Waits.Count - 1)
            {
                sql.Add($" AND c.time_to_agent < {sql.P(DashboardCharts.Waits[wait].Below)}");
            }
        }

        if (query.PeriodFrom is { } periodFrom)
        {
            sql.Add($" AND c.started >= {sql.P(periodFrom.ToUnixTimeMilliseconds())}");
        }

        if (query.PeriodTo is { } periodTo)
        {
            sql.Add($" AND c.started < {sql.P(periodTo.ToUnixTimeMilliseconds())}");
        }

        if (query.Remedy is { Length: > 0 } remedy)
        {
            sql.Add($" AND EXISTS (SELECT 1 FROM insight_remedies r WHERE r.fact = c.id AND r.title = {sql.P(remedy)})");
        }

        if (query.Currency is { Length: > 0 } currency)
        {
            sql.Add($" AND EXISTS (SELECT 1 FROM insight_remedies r WHERE r.fact = c.id AND r.currency = {sql.P(currency)})");
        }

        if (query.Feeling is { Length: > 0 } feeling)
        {
            sql.Add($" AND c.id IN (SELECT t.fact FROM insight_turns t WHERE t.feeling = {sql.P(feeling)})");
        }

        if (query.Text is { Length: > 0 } text)
        {
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            sql.Add($" AND c.id IN (SELECT t.fact FROM insight_turns t WHERE LOWER(t.text) LIKE {sql.P(pattern)} ESCAPE '\\')");
        }
    }

    private static ConversationFacts Facts(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        ChannelId = r.GetString(1),
        ConversationId = r.GetString(2),
        CaseId = DashboardCharts.Text(r, 3),
        Started = Time(r, 4),
        LastAt = Time(r, 5),
        Category = DashboardCharts.Text(r, 6),
        FirstFeeling = DashboardCharts.Text(r, 7),
        LastFeeling = DashboardCharts.Text(r, 8),
        FirstHeat = r.IsDBNull(9) ? null : (int)DashboardCharts.Number(r, 9),
        LastHeat = r.IsDBNull(10) ? null : (int)DashboardCharts.Number(r, 10),
        HandoffReason = DashboardCharts.Text(r, 11),
        Resolved = DashboardCharts.Number(r, 12) > 0,
        TimeToAgent = r.IsDBNull(13) ? null : TimeSpan.FromMilliseconds(DashboardCharts.Number(r, 13)),
        Rating = r.IsDBNull(14) ? null : (int)DashboardCharts.Number(r, 14),
        LastStep = DashboardCharts.Text(r, 15),
        CustomerTurns = (int)DashboardCharts.Number(r, 16),
    };

    private static DateTimeOffset Time(DbDataReader reader, int index) => DateTimeOffset.FromUnixTimeMilliseconds((long)DashboardCharts.Number(reader, index));
}
