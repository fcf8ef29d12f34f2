using System.Globalization;

namespace SupportBot.Web.Agents;

/// <summary>The <c>Handoff</c> section: the queue, opening hours, updates, follow-ups and where handoffs go.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>When colleagues work, e.g. <c>Mon-Fri 08:00-18:00</c>; <c>always</c> for around the clock. Times are UTC unless <see cref="TimeZone"/> says otherwise.</summary>
    public string Hours { get; set; } = "always";

    /// <summary>An IANA or Windows time zone id for <see cref="Hours"/>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A waiting customer hears about the queue at least this often.</summary>
    public int UpdateSeconds { get; set; } = 60;

    /// <summary>How long after a case is resolved the bot checks in.</summary>
    public double FollowUpHours { get; set; } = 72;

    /// <summary>How often the schedule of updates and check-ins is looked at.</summary>
    public int CheckSeconds { get; set; } = 5;

    /// <summary>How many times a message the desk owes a customer (a colleague joined, a decision) is tried before the console shows it failed.</summary>
    public int DeliveryAttempts { get; set; } = 8;

    /// <summary>The wait before such a message is tried again; each next wait is twice as long (up to 15 minutes).</summary>
    public double DeliveryRetrySeconds { get; set; } = 10;

    /// <summary>Channels connected to a contact center: their handoffs use the Bot Framework handoff protocol (<c>handoff.initiate</c>).</summary>
    public List<string> ContactCenterChannels { get; set; } = [];

    /// <summary>Whether contact-center channels' cases also appear in the built-in console.</summary>
    public bool ContactCenterAlsoInConsole { get; set; }

    /// <summary>The agents' Teams channel, where each handoff posts a card with an Accept button.</summary>
    public TeamsChannelOptions TeamsChannel { get; set; } = new();

    /// <summary>Whether <see cref="Hours"/> includes <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var hours = Hours.Trim();
        if (hours.Length == 0 || hours.Equals("always", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var parts = hours.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var days = parts[0].Split('-');
        var from = Enum.Parse<DayOfWeek>(FullDay(days[0]));
        var to = Enum.Parse<DayOfWeek>(FullDay(days[^1]));
        var day = local.DayOfWeek;
        var inDays = from <= to ? day >= from && day <= to : day >= from || day <= to;
        var times = parts[1].Split('-');
        var time = local.TimeOfDay;
        return inDays && time >= TimeSpan.Parse(times[0], CultureInfo.InvariantCulture) && time < (times[1] == "24:00" ? TimeSpan.FromDays(1) : TimeSpan.Parse(times[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Checks <see cref="Hours"/>; null when it can be read.</summary>
    public string? HoursError()
    {
        try
        {
            IsOpen(DateTimeOffset.UnixEpoch);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException or TimeZoneNotFoundException)
        {
            return $"Handoff:Hours must look like \"Mon-Fri 08:00-18:00\" or \"always\", and Handoff:TimeZone be a known time zone ({ex.Message})";
        }
    }

    /// <summary>
    /// Why nobody can take a case at <paramref name="now"/>, in words for the customer: within the opening hours every
    /// colleague is busy; outside them, when the team is there.
    /// </summary>
    public string WhyNobodyIsFree(DateTimeOffset now) => IsOpen(now)
        ? "every colleague is helping another customer just now"
        : $"our team is here {HoursInWords()} and is away just now";

    /// <summary>
    /// <see cref="Hours"/> in words for the customer, e.g. "Monday to Friday, 08:00 to 18:00 (Europe/Berlin time)";
    /// null for <c>always</c>, which says no hours were set rather than that someone is there at night.
    /// </summary>
    public string? HoursInWords()
    {
        var hours = Hours.Trim();
        if (hours.Length == 0 || hours.Equals("always", StringComparison.OrdinalIgnoreCase) || HoursError() is not null)
        {
            return null;
        }

        var parts = hours.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var days = parts[0].Split('-');
        var times = parts[1].Split('-');
        var from = FullDay(days[0]);
        var to = FullDay(days[^1]);
        return $"{(from == to ? $"on {from}s" : $"{from} to {to}")}, {times[0]} to {times[1]} ({TimeZone} time)";
    }

    private static string FullDay(string day) => day.Trim().ToUpperInvariant()[..3] switch
    {
        "MON" => "Monday",
        "TUE" => "Tuesday",
        "WED" => "Wednesday",
        "THU" => "Thursday",
        "FRI" => "Friday",
        "SAT" => "Saturday",
        "SUN" => "Sunday",
        _ => throw new FormatException($"'{day}' is not a day"),
    };
}
