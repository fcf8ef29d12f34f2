using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Recognises a correction and what it corrects: "No, the lamp cost 89 pounds", "actually it was £89 not £12",
/// "sorry, I meant order 48213", "correction: it arrived on Tuesday", "it's 48213, not 48231". It needs a
/// correcting word or a "not X" beside a second value of the same kind, and a new value read by the other
/// readers; "no" alone, or "no, I don't have one", corrects nothing.
/// </summary>
public static partial class CorrectionReader
{
    /// <summary>The correction in <paramref name="text"/>, or null.</summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="now">The moment they wrote, for dates.</param>
    /// <param name="defaultCurrency">The ISO code for amounts written without a currency.</param>
    /// <param name="monthFirst">Read "03/04" as 4 March.</param>
    public static Correction? Read(string? text, DateTimeOffset now, string defaultCurrency, bool monthFirst = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // "No, it was 19.99": a bare price counts when the customer corrects, never an order number ("no, it's 55120").
        var amounts = MoneyReader.Read(text, defaultCurrency);
        if (Marker().Match(text) is { Success: true } marker)
        {
            // "You charged me 54, sorry I mean 45": the figure after the marker is the amount, bare as it may be.
            var after = marker.Index + marker.Length;
            bool Price(MoneyAmount a) => a.Text.Contains('.', StringComparison.Ordinal) || a.Text.Contains(',', StringComparison.Ordinal) || a.Value < 1000 || (a.Value < 10000 && PriceWords().IsMatch(text));
            amounts = amounts.Count == 0 ? [.. MoneyReader.ReadReply(text, defaultCurrency).Where(Price)]
                : !amounts.Any(a => a.Start >= after) && MoneyReader.ReadReply(text[after..], defaultCurrency).FirstOrDefault(Price) is { } corrected
                    ? [.. amounts, corrected with { Start = corrected.Start + after, Currency = amounts[^1].Currency }]
                : amounts;
        }

        // "No, it was 3 days ago not 2": figures that count days are a time, never money.
        var dates = DateReader.Read(text, now, monthFirst);
        amounts = [.. amounts.Where(a => a.CurrencyWritten || !CountsTime(text, a, dates))];
        return From(
            text,
            amounts,
            dates,
            OrderNumberReader.Read(text),
            ContactReader.Read(text),
            ProductReader.Read(text));
    }

    /// <summary>
    /// <paramref name="text"/> as the customer meant it when they corrected an amount within it: "you charged me 54,
    /// sorry I mean 45" reads "you charged me 45". Any other text comes back as it is.
    /// </summary>
    public static string Settled(string text, string defaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Marker().Match(text) is not { Success: true, Index: > 0 } marker
            || Read(text, DateTimeOffset.UnixEpoch, defaultCurrency) is not { Amount: { } corrected, Rejected: null }
            || corrected.Start < marker.Index
            || MoneyReader.Read(text, defaultCurrency).LastOrDefault(a => a.Start + a.Length <= marker.Index) is not { } taken)
        {
            return text;
        }

        var between = text[(taken.Start + taken.Length)..marker.Index];
        if (between.Length > 12 || !between.All(c => !char.IsLetterOrDigit(c)) && !LeadIn().IsMatch(between))
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, taken.Start), corrected.Text.Trim(), text.AsSpan(corrected.Start + corrected.Length));
    }

    /// <summary>
    /// Whether the bare figure <paramref name="amount"/> is part of a time the customer gave ("3 days ago"), or the
    /// one they rule out just after it ("3 days ago not 2").
    /// </summary>
    private static bool CountsTime(string text, MoneyAmount amount, IReadOnlyList<DateMention> dates) =>
        dates.Any(d => d.Start < amount.Start + amount.Length && amount.Start < d.Start + d.Length
            || d.Start + d.Length <= amount.Start && d.Text.Any(char.IsAsciiDigit) && NotBetween().IsMatch(text[(d.Start + d.Length)..amount.Start]));

    [GeneratedRegex(@"^[\s,;]*(?:not|rather\s+than|instead\s+of)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotBetween();

    /// <summary>What may stand between a figure and its correction: ", sorry ", " oops, ".</summary>
    [GeneratedRegex(@"^[\s,;.!-]*(?:sorry|oops|sorry,?\s+no)?[\s,;.!-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadIn();

    /// <summary>The correction given what the other readers found in the same text (no second reading).</summary>
    internal static Correction? From(
        string text,
        IReadOnlyList<MoneyAmount> amounts,
        IReadOnlyList<DateMention> dates,
        IReadOnlyList<OrderNumber> orders,
        IReadOnlyList<ContactPoint> contacts,
        IReadOnlyList<ProductMention> products)
    {
        var marker = Marker().Match(text);
        var labelledOrders = orders.Where(o => o.Labelled).ToList();
        var datesWithDays = dates.Where(d => d.From is not null).ToList();

        // A slot with two values, one of them ruled out ("£89 not £12"), is a correction even without a marker.
        if (Contrast(text, amounts, a => a.Start, a => a.Length) is var (amount, rejectedAmount, notWord))
        {
            return new Correction { Slot = EntityKind.Amount, Amount = amount, Rejected = rejectedAmount.Text, Marker = marker.Success ? marker.Value.Trim() : notWord };
        }

        if (Contrast(text, orders, o => o.Start, o => o.Length) is var (order, rejectedOrder, notOrder))
        {
            return new Correction { Slot = EntityKind.OrderNumber, OrderNumber = order, Rejected = rejectedOrder.Text, Marker = marker.Success ? marker.Value.Trim() : notOrder };
        }

        if (Contrast(text, datesWithDays, d => d.Start, d => d.Length) is var (date, rejectedDate, notDate))
        {
            return new Correction { Slot = EntityKind.Date, Date = date, Rejected = rejectedDate.Text, Marker = marker.Success ? marker.Value.Trim() : notDate };
        }

        if (!marker.Success)
        {
            return null;
        }

        var said = marker.Value.Trim();
        return labelledOrders.Count > 0 ? new Correction { Slot = EntityKind.OrderNumber, OrderNumber = labelledOrders[0], Marker = said }
            : amounts.Count > 0 ? new Correction { Slot = EntityKind.Amount, Amount = amounts.FirstOrDefault(a => a.Start >= marker.Index + marker.Length) ?? amounts[0], Marker = said }
            : contacts.Count > 0 ? new Correction { Slot = EntityKind.Contact, Contact = contacts[0], Marker = said }
            : datesWithDays.Count > 0 ? new Correction { Slot = EntityKind.Date, Date = datesWithDays[0], Marker = said }
            : orders.Count > 0 ? new Correction { Slot = EntityKind.OrderNumber, OrderNumber = orders[0], Marker = said }
            : products.Count > 0 ? new Correction { Slot = EntityKind.Product, Product = products[0], Marker = said }
            : null;
    }

    /// <summary>The kept and the ruled-out value when one of two is preceded by "not", "instead of" or "rather than".</summary>
    private static (T Kept, T Rejected, string NotWord)? Contrast<T>(string text, IReadOnlyList<T> values, Func<T, int> start, Func<T, int> length)
        where T : class
    {
        if (values.Count < 2)
        {
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var from = Math.Max(0, start(values[i]) - 16);
            var not = NotBefore().Match(text, from, start(values[i]) - from);
            if (!not.Success)
            {
                continue;
            }

            for (var j = 0; j < values.Count; j++)
            {
                if (j != i)
                {
                    return (values[j], values[i], not.Value.Trim());
                }
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"^\s*(?:(?:wait|hang\s+on|hold\s+on|um+|er+)[\s,.!-]+(?=no+\b|nope\b|nah\b|sorry\b|actually\b|oops\b|my\s+(?:mistake|bad)\b|i\s+mean))?(?:(?:no+|nope|nah)(?=\s*[,.!:;-]|\s+(?:it|it's|its|the|i|that|my|sorry|actually|wait)\b)|(?:sorry|wait)(?=\s*[,.!:;-]|\s+(?:i\s+mean|it\s+(?:was|is|should)|it's|its)\b)|actually|oops|correction|my\s+(?:mistake|bad)|i\s+mean[t]?|not\s+quite|scratch\s+that|let\s+me\s+correct(?:\s+that)?|that'?s\s+(?:wrong|not\s+right|incorrect))\b[\s,.:!-]*(?:(?:sorry|actually|i\s+meant?|it\s+should\s+(?:be|have\s+been|say))\b[\s,.:!-]*)*"
        + @"|\b(?:no+[\s,]+wait|wait[\s,]+no+|i\s+meant|i\s+mean|(?<=(?:^|[.,;:!?])\s*)actually|actually(?=[\s,:]+(?:it\b|it'?s\b|its\b|i\s+mean|[£$€]|\d))|correction|it\s+should\s+(?:be|have\s+been|say|read)|should\s+have\s+said|i\s+should\s+have\s+said|typo|mis-?typed)\b[\s,.:!-]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\b(?:not|instead\s+of|rather\s+than|isn'?t|wasn'?t)\s+(?:the\s+|on\s+(?:the\s+)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotBefore();

    [GeneratedRegex(@"\b(?:was|cost|costs|paid|pay|charged|price|priced)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PriceWords();
}
