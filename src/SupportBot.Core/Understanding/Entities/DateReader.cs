using System.Buffers;
using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Finds the times a customer mentions and resolves them against <c>now</c>, which the caller passes (the reader
/// never looks at a clock): "yesterday", "last Monday", "on the 3rd", "3rd of March", "March 3", "03/03",
/// "two weeks ago", "since Friday", "since the update on the 12th", "since the update", "this morning", "last week",
/// "for 3 days", and as customers type them ("yday", "3days ago", "last nite", "on tues"). A day without a year, a weekday
/// and "the 3rd" are taken as the latest such day not after today, because complaints look back; "next" and
/// "tomorrow" look forward.
/// </summary>
public static partial class DateReader
{
    private const string Quantity = @"(?<q>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+couple\s+of|couple\s+of|a\s+couple|a\s+few|few|several)";

    private const string Unit = @"(?<u>minute|min|hour|hr|day|week|wk|fortnight|month|year)s?";

    private const string Month = @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    /// <summary>How far before a day "since the update" may begin ("since the latest app update, on the 12th").</summary>
    private const int SinceWindow = 48;

    /// <summary>Events a customer dates a problem from ("since the update").</summary>
    private const string Events = @"(?:update|upgrade|install|installation|reinstall|outage|migration|release|patch|reset|repair|visit|move|switch|change|renewal)s?";

    private const string MonthWord = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b";

    /// <summary>
    /// What every time the reader finds contains, besides a digit: a unit, a day's or a month's name or part of one,
    /// or a relative word. A message in plain ASCII with none of these and no digit has no time in it, and most
    /// messages are such: the pattern, too large for the runtime to optimize, is then not run. (Beyond ASCII, the
    /// pattern's digits and case-insensitive letters take in more, so such a message always goes through it.)
    /// </summary>
    private static readonly SearchValues<string> Hints = SearchValues.Create(
        ["day", "night", "nite", "yest", "tomorrow", "morning", "afternoon", "evening", "week", "wk", "month", "year", "min", "hour", "hr",
         "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The times in <paramref name="text"/>, in the order written.</summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="now">The moment the customer wrote, in their offset; "today" is its date.</param>
    /// <param name="monthFirst">Read "03/04" as 4 March (American order) rather than 3 April.</param>
    public static IReadOnlyList<DateMention> Read(string? text, DateTimeOffset now, bool monthFirst = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var today = DateOnly.FromDateTime(now.DateTime);
        var found = new List<DateMention>();
        IReadOnlyList<Match> matches = MayMention(text) ? Mention().Matches(text) : [];
        foreach (var match in matches)
        {
            var mention = Resolve(match, now, today, monthFirst);
            if (mention is null)
            {
                continue;
            }

            // "since Friday", and "since the update on the 12th": from that day to today.
            var window = Math.Min(SinceWindow, match.Index);
            if (mention.From is not null && (Since().IsMatch(text.AsSpan(match.Index - Math.Min(8, match.Index), Math.Min(8, match.Index)))
                || SinceEventBefore().IsMatch(text.AsSpan(match.Index - window, window))))
            {
                var start = text.LastIndexOf("since", match.Index, StringComparison.OrdinalIgnoreCase);
                mention = mention with { Kind = DateMentionKind.Since, To = today, Text = text[start..(match.Index + match.Length)], Start = start };
            }

            found.Add(mention);
        }

        // "since the update", with no day to it: a time all the same, from an event the customer names.
        foreach (Match match in SinceEvent().Matches(text))
        {
            if (!found.Exists(m => match.Index < m.Start + m.Length && m.Start < match.Index + match.Length))
            {
                found.Add(new DateMention { Kind = DateMentionKind.Since, Text = match.Value, Start = match.Index });
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The first time in <paramref name="text"/> that resolves to a date, or null.</summary>
    public static DateMention? ReadFirstDate(string? text, DateTimeOffset now, bool monthFirst = false)
    {
        foreach (var mention in Read(text, now, monthFirst))
        {
            if (mention.From is not null)
            {
                return mention;
            }
        }

        return null;
    }

    private static DateMention? Resolve(Match m, DateTimeOffset now, DateOnly today, bool monthFirst)
    {
        var g = m.Groups;
        DateMention Day(DateOnly day, bool approximate = false) =>
            new() { Kind = DateMentionKind.Day, From = day, To = day, Approximate = approximate, Text = m.Value, Start = m.Index };
        DateMention Range(DateOnly from, DateOnly to) =>
            new() { Kind = DateMentionKind.Range, From = from, To = to, Text = m.Value, Start = m.Index };

        if (g["rel"].Success)
        {
            var word = g["rel"].Value.ToLowerInvariant();
            if (word.StartsWith("the other", StringComparison.Ordinal))
            {
                return Day(today.AddDays(-3), approximate: true);
            }

            return Day(word.StartsWith('y') || word.StartsWith("last", StringComparison.Ordinal) ? today.AddDays(-1)
                : word.StartsWith("the day before", StringComparison.Ordinal) ? today.AddDays(-2)
                : word.StartsWith("tomorrow", StringComparison.Ordinal) ? today.AddDays(1)
                : today);
        }

        if (g["ago"].Success || g["dur"].Success)
        {
            var (count, approximate) = QuantityOf(g["q"].Value);
            var unit = g["u"].Value.ToLowerInvariant();
            var length = unit switch
            {
                "minute" or "min" => TimeSpan.FromMinutes(count),
                "hour" or "hr" => TimeSpan.FromHours(count),
                "day" => TimeSpan.FromDays(count),
                "week" or "wk" => TimeSpan.FromDays(7 * count),
                "fortnight" => TimeSpan.FromDays(14 * count),
                "month" => TimeSpan.FromDays(30 * count),
                _ => TimeSpan.FromDays(365 * count),
            };
            if (g["dur"].Success)
            {
                return new DateMention { Kind = DateMentionKind.Duration, Duration = length, Approximate = approximate, Text = m.Value, Start = m.Index };
            }

            var day = unit switch
            {
                "month" => today.AddMonths(-count),
                "year" => today.AddYears(-count),
                _ => DateOnly.FromDateTime(now.Subtract(length).DateTime),
            };
            return Day(day, approximate);
        }

        if (g["period"].Success)
        {
            var which = g["which"].Value.ToLowerInvariant();
            var shift = which is "last" or "past" or "previous" ? -1 : which == "next" ? 1 : 0;
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            switch (g["period"].Value.ToLowerInvariant())
            {
                case "week":
                    var start = monday.AddDays(7 * shift);
                    return Range(start, shift == 0 ? today : start.AddDays(6));
                case "weekend":
                    var saturday = monday.AddDays(5 + (7 * shift));
                    return Range(saturday, saturday.AddDays(1));
                case "month":
                    var first = new DateOnly(today.Year, today.Month, 1).AddMonths(shift);
                    return Range(first, shift == 0 ? today : first.AddMonths(1).AddDays(-1));
                default:
                    var january = new DateOnly(today.Year + shift, 1, 1);
                    return Range(january, shift == 0 ? today : new DateOnly(january.Year, 12, 31));
            }
        }

        if (g["wd"].Success)
        {
            var target = WeekdayOf(g["wd"].Value);
            var which = g["wm"].Value.ToLowerInvariant();
            var back = ((int)today.DayOfWeek - (int)target + 7) % 7;
            return which switch
            {
                "next" or "coming" => Day(today.AddDays(back == 0 ? 7 : 7 - back)),
                "this" => Day(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(((int)target + 6) % 7)),
                _ => Day(today.AddDays(back == 0 ? -7 : -back)),
            };
        }

        if (g["d"].Success || g["od"].Success)
        {
            var dayOfMonth = int.Parse(g["d"].Success ? g["d"].Value : g["od"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!g["mon"].Success)
            {
                return LatestDayOfMonth(today, dayOfMonth) is { } latest ? Day(latest) : null;
            }

            return DayIn(today, MonthOf(g["mon"].Value), dayOfMonth, g["y"]) is { } date ? Day(date) : null;
        }

        if (g["mon"].Success)
        {
            var month = MonthOf(g["mon"].Value);
            if (month == 5 && !g["ml"].Success && !g["y"].Success)
            {
                return null; // "it may be lost" is not May
            }

            var year = g["y"].Success ? int.Parse(g["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : month > today.Month ? today.Year - 1 : today.Year;
            var first = new DateOnly(year, month, 1);
            return Range(first, first.AddMonths(1).AddDays(-1));
        }

        if (g["iso"].Success)
        {
            return DateOnly.TryParseExact(g["iso"].Value, "yyyy-MM-dd", out var iso) ? Day(iso) : null;
        }

        if (g["a"].Success)
        {
            var a = int.Parse(g["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var b = int.Parse(g["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : monthFirst ? (b, a) : (a, b);
            if (a == 24 && b == 7 && !g["y"].Success)
            {
                return null; // "24/7"
            }

            return month is >= 1 and <= 12 && DayIn(today, month, day, g["y"]) is { } date ? Day(date) : null;
        }

        return null;
    }

    private static DateOnly? LatestDayOfMonth(DateOnly today, int day)
    {
        for (var back = 0; back < 3; back++)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-back);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && month.AddDays(day - 1) <= today)
            {
                return month.AddDays(day - 1);
            }
        }

        return null;
    }

    private static DateOnly? DayIn(DateOnly today, int month, int day, Group year)
    {
        var y = today.Year;
        if (year.Success)
        {
            y = int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture);
            y = y < 100 ? 2000 + y : y;
        }

        if (day < 1 || y < 1900 || y > 2200 || day > DateTime.DaysInMonth(y, month))
        {
            return null;
        }

        var date = new DateOnly(y, month, day);
        return !year.Success && date > today && day <= DateTime.DaysInMonth(y - 1, month) ? new DateOnly(y - 1, month, day) : date;
    }

    private static (int Count, bool Approximate) QuantityOf(string quantity)
    {
        var q = quantity.ToLowerInvariant();
        if (int.TryParse(q, out var n))
        {
            return (n, false);
        }

        return q switch
        {
            "a" or "an" or "one" => (1, false),
            "two" => (2, false),
            "three" => (3, false),
            "four" => (4, false),
            "five" => (5, false),
            "six" => (6, false),
            "seven" => (7, false),
            "eight" => (8, false),
            "nine" => (9, false),
            "ten" => (10, false),
            "eleven" => (11, false),
            "twelve" => (12, false),
            _ when q.Contains("couple", StringComparison.Ordinal) => (2, true),
            _ => (3, true),
        };
    }

    private static DayOfWeek WeekdayOf(string name) => name.ToLowerInvariant()[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>False when <paramref name="text"/> cannot hold a time (see <see cref="Hints"/>).</summary>
    internal static bool MayMention(string text) =>
        text.AsSpan().ContainsAnyExceptInRange('\0', '\x7F') || text.AsSpan().ContainsAnyInRange('0', '9') || text.AsSpan().ContainsAny(Hints);

    private static int MonthOf(string name) =>
        ("janfebmaraprmayjunjulaugsepoctnovdec".IndexOf(name[..3].ToLowerInvariant(), StringComparison.Ordinal) / 3) + 1;

    [GeneratedRegex(@"\bsince\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Since();

    [GeneratedRegex(@"\bsince\s+(?:(?:the|a|an|my|your|their|that|this|last|latest|recent|new|big|app|software|system|firmware|ios|android|windows|\w+'s)\s+){0,3}" + Events + @"\s*,?\s*(?:(?:on|in|at|from|of)\s+)?(?:the\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceEventBefore();

    [GeneratedRegex(@"\bsince\s+(?:(?:the|a|an|my|your|their|that|this|last|latest|recent|new|big|app|software|system|firmware|ios|android|windows|\w+'s)\s+){0,3}" + Events + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceEvent();

    [GeneratedRegex(
        @"(?:"
        + @"\b(?<rel>today|tonight|tonite|(?:yesterday|yesterdy|yday|ystday)(?:\s+(?:morning|afternoon|evening))?|tomorrow|the\s+day\s+before\s+yesterday|last\s+(?:night|nite)|this\s+(?:morning|afternoon|evening)|earlier\s+today|the\s+other\s+day)\b"
        + @"|\b(?<ago>" + Quantity + @"\s*" + Unit + @"\s+(?:ago|back|before))\b"
        + @"|\b(?:earlier\s+)?(?<which>last|this|past|previous|next)\s+(?<period>week|weekend|month|year)\b"
        + @"|\b(?:(?<wm>last|this|past|next|coming|on)\s+)?(?<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
        + @"|\b(?:(?<wm>last|this|past|next|coming|on)\s+|(?<=\b(?:since|due|by|from|until|till|til)\s+))(?<wd>mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\b(?!')"
        + @"|\b(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\b(?:,?\s+(?<y>\d{4}))?"
        + @"|\b" + Month + @"\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>\d{4}))?"
        + @"|\b(?:(?<ml>in|last|early|late|mid|during|from)\s+(?:-\s*)?)?(?<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+(?<y>\d{4}))?"
        + @"|(?:\b(?:on|by|from|until|before|after)\s+(?:the\s+)?|\bthe\s+)(?<od>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:time|times|attempt|try|one|item|order|call|email|floor|person|day|week|month|year|gen|generation|edition|party|reminder|letter|parcel|package)|\s+(?:of\s+)?" + MonthWord + @")"
        + @"|(?<![\w/.-])(?<iso>\d{4}-\d{2}-\d{2})(?![\w/.-])"
        + @"|(?<![\w/.,$£€-])(?<a>\d{1,2})/(?<b>\d{1,2})(?:/(?<y>\d{4}|\d{2}))?(?![\w/]|[.,]\d)"
        + @"|(?<![\w/.,$£€-])(?<a>\d{1,2})[.-](?<b>\d{1,2})[.-](?<y>\d{4}|\d{2})(?![\w/.-]|[.,]\d)"
        + @"|\b(?<dur>(?:(?:for|over|nearly|almost|about|around|within|after|in|the\s+(?:last|past))\s+)+" + Quantity + @"\s+" + Unit
        + @"|(?!an?\s+(?:minute|min|hour|hr|day|week|wk|fortnight|month|year)s?\b)" + Quantity + @"\s*" + Unit + @")\b"
        + @")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Mention();
}
