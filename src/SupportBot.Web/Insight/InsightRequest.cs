using System.Globalization;
using SupportBot.Core.Insight;

namespace SupportBot.Web.Insight;

/// <summary>
/// Reads what the dashboard and the review ask for from the query string: the period (<c>from</c>, <c>to</c>:
/// dates, <c>to</c> included; the last 7 days when not given), <c>channel</c>, <c>category</c>, and the review's
/// narrowing (<c>text</c>, <c>outcome</c>, <c>feeling</c>, <c>first</c>, <c>last</c>, <c>reason</c>,
/// <c>rating</c>, <c>step</c>, <c>remedy</c>, <c>currency</c>, <c>wait</c>, <c>period</c>, <c>limit</c>,
/// <c>offset</c>). A value that cannot be read is named in a 400, never guessed.
/// </summary>
public static class InsightRequest
{
    private const int DefaultDays = 7;

    /// <summary>The period, channel and category asked for, or the problem with them.</summary>
    public static (InsightFilter? Filter, IResult? Problem) Filter(IQueryCollection query, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(time);
        var today = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        if (!Time(query, "to", out var to, endOfDay: true))
        {
            return (null, Bad("to", "a date (yyyy-MM-dd) or a time (ISO 8601)"));
        }

        if (!Time(query, "from", out var from, endOfDay: false))
        {
            return (null, Bad("from", "a date (yyyy-MM-dd) or a time (ISO 8601)"));
        }

        var end = to ?? today.AddDays(1);
        var start = from ?? end.AddDays(-DefaultDays);
        if (start >= end)
        {
            return (null, Bad("from", "before 'to'"));
        }

        return (new InsightFilter(start, end, Text(query, "channel"), Text(query, "category")), null);
    }

    /// <summary>The review's question: the filter and everything that narrows it.</summary>
    public static (ReviewQuery? Query, IResult? Problem) Review(IQueryCollection query, TimeProvider time, int defaultLimit, int maxLimit)
    {
        var (filter, problem) = Filter(query, time);
        if (filter is null)
        {
            return (null, problem);
        }

        if (!Number(query, "rating", 1, 5, out var rating))
        {
            return (null, Bad("rating", "a whole number from 1 to 5"));
        }

        if (!Number(query, "wait", 0, DashboardCharts.Waits.Count - 1, out var wait))
        {
            return (null, Bad("wait", $"a whole number from 0 to {DashboardCharts.Waits.Count - 1}"));
        }

        if (!Number(query, "limit", 1, maxLimit, out var limit))
        {
            return (null, Bad("limit", $"a whole number from 1 to {maxLimit}"));
        }

        if (!Number(query, "offset", 0, int.MaxValue, out var offset))
        {
            return (null, Bad("offset", "a whole number, 0 or more"));
        }

        if (Text(query, "outcome") is { } outcome && outcome is not (Outcomes.Resolved or Outcomes.Handoff or Outcomes.Open))
        {
            return (null, Bad("outcome", "resolved, handoff or open"));
        }

        DateTimeOffset? periodFrom = null, periodTo = null;
        if (Text(query, "period") is { } period)
        {
            var parts = period.Split('~');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) || a >= b || b > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            {
                return (null, Bad("period", "two times in Unix milliseconds, START~END"));
            }

            (periodFrom, periodTo) = (DateTimeOffset.FromUnixTimeMilliseconds(a), DateTimeOffset.FromUnixTimeMilliseconds(b));
        }

        return (new ReviewQuery(filter)
        {
            Text = Text(query, "text"),
            Outcome = Text(query, "outcome"),
            Feeling = Text(query, "feeling"),
            First = Text(query, "first"),
            Last = Text(query, "last"),
            Reason = Text(query, "reason"),
            Rating = rating,
            Step = Text(query, "step"),
            Remedy = Text(query, "remedy"),
            Currency = Text(query, "currency"),
            Wait = wait,
            PeriodFrom = periodFrom,
            PeriodTo = periodTo,
            Limit = limit ?? defaultLimit,
            Offset = offset ?? 0,
        }, null);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    private static bool Number(IQueryCollection query, string name, int min, int max, out int? value)
    {
        value = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool Time(IQueryCollection query, string name, out DateTimeOffset? value, bool endOfDay)
    {
        value = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            value = time;
            return true;
        }

        return false;
    }

    private static IResult Bad(string field, string expected) =>
        Results.Problem($"'{field}' must be {expected}.", statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = field });
}
