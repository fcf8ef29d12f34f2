using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Finds every amount of money in a message with its currency and what it is for: "£89", "140 pounds", "$60",
/// "USD 45", "45 bucks", "89 quid", "£1,200.50", "1.200,50 €" (European separators), "99p", "a tenner". A bare
/// number counts only where the words around it say money ("it cost 89", "paid 89", "12.99 each"); it takes the
/// default currency. "Paid 3 weeks ago", "charged 2 times" and "on the 3rd" are not amounts.
/// </summary>
public static partial class MoneyReader
{
    /// <summary>A written amount's digits, as group <c>n</c>: "1,049.99", "49,99", "1.049,99", "89".</summary>
    internal const string Number = @"(?<n>\d{1,3}(?:[,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![.,]?\d)";

    private const string Codes = "USD|GBP|EUR|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|ZAR|SGD|HKD|MXN|CZK|HUF";

    /// <summary>The amounts in <paramref name="text"/>, in the order written.</summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="defaultCurrency">The ISO 4217 code for a bare number ("it cost 89") and for "$" where the shop
    /// sells in another dollar ("CAD" makes "$60" Canadian).</param>
    public static IReadOnlyList<MoneyAmount> Read(string? text, string defaultCurrency)
    {
        if (string.IsNullOrEmpty(text) || !HasDigitOrSlang(text))
        {
            return [];
        }

        var fallback = Fallback(defaultCurrency);
        var found = new List<MoneyAmount>();
        foreach (Match match in Written().Matches(text))
        {
            if (FromWritten(text, match, fallback) is { } amount)
            {
                found.Add(amount);
            }
        }

        AddBare(text, ByContext(), fallback, found);
        AddBare(text, PerUnit(), fallback, found);
        AddBare(text, BoughtFor(), fallback, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < found.Count; i++)
        {
            found[i] = MoneyPurposeReader.Describe(text, found[i]);
        }

        return found;
    }

    /// <summary>
    /// The amounts in a reply to "how much was it?": those <see cref="Read"/> finds, and when it finds none, the first
    /// bare number ("89", "it was 89", "about 89.50") in the default currency; never an order number, a date or a count.
    /// Of a change ("it was 45 now it's 90", "from £45 to £90") the later figure comes first: it is what was charged.
    /// </summary>
    public static IReadOnlyList<MoneyAmount> ReadReply(string? text, string defaultCurrency)
    {
        var found = Read(text, defaultCurrency);
        if (found.Count > 1 && Change().IsMatch(text.AsSpan(found[0].Start + found[0].Text.Length)))
        {
            return [found[1], found[0], .. found.Skip(2)];
        }

        if (found.Count > 0 || string.IsNullOrEmpty(text))
        {
            return found;
        }

        var orders = OrderNumberReader.Read(text).Where(o => o.Labelled).ToList();
        MoneyAmount? first = null;
        foreach (Match match in Bare().Matches(text))
        {
            var number = match.Groups["n"];
            // "6620419" without a currency is an order or account number, not a price.
            if (orders.Exists(o => number.Index < o.Start + o.Length && o.Start < number.Index + number.Length) || (number.Length >= 6 && !number.ValueSpan.ContainsAnyExceptInRange('0', '9'))
                || !TryParseNumber(number.ValueSpan, out var value))
            {
                continue;
            }

            var amount = new MoneyAmount { Value = value, Currency = Fallback(defaultCurrency), Text = number.Value, Start = number.Index, CurrencyWritten = false };
            if (first is null)
            {
                first = amount;

                // "It was 45 now it's 90", "went from 45 to 90": the charge asked about is the later figure.
                if (Change().IsMatch(text.AsSpan(number.Index + number.Length)))
                {
                    continue;
                }
            }
            else
            {
                first = amount;
            }

            break;
        }

        return first is null ? [] : [MoneyPurposeReader.Describe(text, first)];
    }

    /// <summary>The first amount in <paramref name="text"/>, or null (<see cref="Read"/>).</summary>
    public static MoneyAmount? ReadFirst(string? text, string defaultCurrency)
    {
        var all = Read(text, defaultCurrency);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>
    /// The value of a number as customers write it: "1,200.50" and "1.200,50" are both 1200.50, "12,99" is 12.99,
    /// "1,200" and "1.200" are 1200 (three digits after the last separator make it a thousands separator).
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> digits, out decimal value)
    {
        var last = digits.LastIndexOfAny(',', '.');
        Span<char> buffer = stackalloc char[digits.Length];
        var length = 0;
        var decimalPoint = last >= 0 && digits.Length - last - 1 != 3;
        for (var i = 0; i < digits.Length; i++)
        {
            if (char.IsAsciiDigit(digits[i]))
            {
                buffer[length++] = digits[i];
            }
            else if (i == last && decimalPoint)
            {
                buffer[length++] = '.';
            }
        }

        return decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static string Fallback(string defaultCurrency) => string.IsNullOrWhiteSpace(defaultCurrency) ? "GBP" : defaultCurrency.Trim().ToUpperInvariant();

    private static bool HasDigitOrSlang(string text) =>
        text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || text.Contains("tenner", StringComparison.OrdinalIgnoreCase)
        || text.Contains("fiver", StringComparison.OrdinalIgnoreCase) || text.Contains("grand", StringComparison.OrdinalIgnoreCase);

    private static MoneyAmount? FromWritten(string text, Match match, string fallback)
    {
        var slang = match.Groups["slang"];
        if (slang.Success)
        {
            var word = slang.Value.ToLowerInvariant();
            var value = word.Contains("tenner", StringComparison.Ordinal) ? 10m : word.Contains("fiver", StringComparison.Ordinal) ? 5m : 1000m;
            var currency = value == 1000m ? fallback : "GBP";
            return new MoneyAmount { Value = value, Currency = currency, Text = match.Value, Start = match.Index, CurrencyWritten = value != 1000m };
        }

        if (!TryParseNumber(match.Groups["n"].ValueSpan, out var amount))
        {
            return null;
        }

        if (match.Groups["k"].Success)
        {
            amount *= 1000m;
        }

        var code = match.Groups["pence"].Success ? "GBP"
            : CurrencyOf(match.Groups["pre"].Success ? match.Groups["pre"].Value : match.Groups["suf"].Value, fallback);
        if (match.Groups["pence"].Success || match.Groups["suf"].Value.StartsWith("cent", StringComparison.OrdinalIgnoreCase))
        {
            amount /= 100m;
        }

        if (match.Groups["neg"].Success)
        {
            amount = -amount;
        }

        return new MoneyAmount { Value = amount, Currency = code, Text = match.Value, Start = match.Index };
    }

    private static void AddBare(string text, Regex pattern, string fallback, List<MoneyAmount> found)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var number = match.Groups["n"];
            if (Overlaps(found, number.Index, number.Length) || !TryParseNumber(number.ValueSpan, out var amount))
            {
                continue;
            }

            found.Add(new MoneyAmount { Value = amount, Currency = fallback, Text = number.Value, Start = number.Index, CurrencyWritten = false });
        }
    }

    private static bool Overlaps(List<MoneyAmount> found, int start, int length)
    {
        foreach (var amount in found)
        {
            if (start < amount.Start + amount.Length && amount.Start < start + length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ISO code for a symbol, code or word; dollars follow the default when it is a dollar currency.</summary>
    private static string CurrencyOf(string marker, string fallback)
    {
        var m = marker.Trim().ToLowerInvariant();
        var localDollar = fallback is "USD" or "CAD" or "AUD" or "NZD" or "SGD" or "HKD" ? fallback : "USD";
        return m switch
        {
            "£" or "pound" or "pounds" or "quid" or "sterling" or "pounds sterling" or "pound sterling" => "GBP",
            "€" or "euro" or "euros" => "EUR",
            "$" or "dollar" or "dollars" or "buck" or "bucks" => localDollar,
            "cent" or "cents" => fallback is "EUR" ? "EUR" : localDollar,
            "us$" => "USD",
            "a$" or "au$" => "AUD",
            "c$" or "ca$" => "CAD",
            "nz$" => "NZD",
            "¥" or "yen" => "JPY",
            "₹" or "rupee" or "rupees" => "INR",
            _ => m.ToUpperInvariant(),
        };
    }

    [GeneratedRegex(
        @"(?<pre>\b(?:US|AU|A|CA|C|NZ)\$|[£$€¥₹]|\b(?:" + Codes + @")\b)\s?(?<neg>-)?" + Number + @"(?<k>k\b)?"
        + @"|(?<![\w.,])" + Number + @"(?:\s?(?<suf>[£$€¥₹]|pounds?(?:\s+sterling)?|sterling|quid|euros?|dollars?|bucks?|cents?|yen|rupees?|"
        + Codes + @")(?![a-z])|(?<pence>p(?![a-z]|\.[a-z])|\s?pence\b))"
        + @"|\b(?<slang>(?:a\s+)?(?:tenner|fiver)|(?:a|one)\s+grand)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Written();

    [GeneratedRegex(
        @"\b(?:cost|costs|costing|paid|pay|paying|charged|charging|overcharged|took|taken|deducted|debited|withdrew|withdrawn|priced|price|spent|spend|worth|refund|refunded|total|totall?ed|totall?ing|bill|billed|came\s+to|comes\s+to)\b"
        + @"(?:\s+(?:me|us|was|is|of|only|about|around|roughly|approximately|over|almost|nearly|at|just|exactly|like|me\s+about))*\s+(?<![\w.,])"
        + Number + @"(?![\w/:]|\s*(?:%|percent\b|times\b|x\b|days?\b|weeks?\b|months?\b|years?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|items?\b|pieces?\b|units?\b|of\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ByContext();

    /// <summary>"Bought the season pass for 29.99": a price in pence after what was bought.</summary>
    [GeneratedRegex(@"\b(?:bought|purchased|ordered|paid\s+for|got)\b[^.!?\d]{1,40}?\bfor\s+(?:only\s+|just\s+)?(?<n>\d{1,5}[.,]\d{2})(?![.,]?\d)(?!\s*(?:%|percent\b|gb\b|mb\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BoughtFor();

    [GeneratedRegex(
        @"(?<![\w.,/:#-])(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)" + Number
        + @"(?![\w/:%-]|\s*(?:%|percent\b|times\b|x\b|days?\b|weeks?\b|months?\b|years?\b|hours?\b|hrs?\b|minutes?\b|mins?\b|items?\b|pieces?\b|units?\b|(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Bare();

    /// <summary>What follows the old figure of a change: "now it's 90", "to 90", "last month and 90 this month".</summary>
    [GeneratedRegex(@"^[^\d]{0,30}?\b(?:now|(?<!used\s)to|this\s+(?:month|time|bill|year)|instead|then|became|jumped|went\s+up|(?:last|previous)\s+(?:month|time|bill|year)\s*(?:and|but|,))\b[^\d]{0,20}\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Change();

    [GeneratedRegex(
        @"(?<![\w.,$£€])(?<n>\d+\.\d{2})(?=\s*(?:each|apiece|per\s+(?:item|month|charge|unit|piece)|a\s+(?:month|year|piece|time)|monthly)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PerUnit();
}
