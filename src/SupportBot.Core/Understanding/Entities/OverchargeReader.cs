using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Finds the money a customer says they were overcharged: the difference between what they were charged and what it
/// should have been ("charged me £42 instead of £30", "I paid 50 when it should be 35"), or an amount named as the
/// difference itself ("refund the 12 quid difference", "overcharged by $8", "£5 too much"). That amount, not the
/// whole charge, is what a refund pays back.
/// </summary>
public static partial class OverchargeReader
{
    /// <summary>The wording used for what the amount is for: "the £12.00 overcharge".</summary>
    public const string Overcharge = "overcharge";

    /// <summary>The overcharge in <paramref name="text"/>, whose amounts are <paramref name="amounts"/>; null when it names none.</summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="amounts">The amounts <see cref="MoneyReader.Read"/> found in it.</param>
    /// <param name="currency">The currency of a bare figure named as the extra ("I only want the extra 60 back"): the
    /// case's, or <c>Support:Currency</c>; null to read only amounts <see cref="MoneyReader"/> found.</param>
    public static MoneyAmount? Read(string? text, IReadOnlyList<MoneyAmount> amounts, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // "My plan went up from £30 to £45 without warning", "you raised the price from 9.99 to 22.98".
        if (Rise(text, amounts, currency) is { } rise)
        {
            return rise;
        }

        if (amounts.Count == 0)
        {
            return currency is null ? null : BareExtra(text, currency);
        }

        // "The price on the site was $29 and I was billed $45", "charged 120 dollars for a 60 dollar order", "my bill this
        // month is £85 but my contract is £45".
        if (Paired(text, amounts) is { } paired)
        {
            return paired;
        }

        foreach (var amount in amounts.Where(a => a.Purpose != MoneyPurpose.Delivery))
        {
            var end = amount.Start + amount.Length;

            // "£12 difference", "£5 too much", "£8 more than it should be", "the difference of £12", "overcharged by £8".
            if (NamedAfter().IsMatch(text.AsSpan(end)) || NamedBefore().IsMatch(text.AsSpan(0, amount.Start)))
            {
                return amount with { Purpose = MoneyPurpose.Charge, PurposeText = Overcharge };
            }

            // "£42 instead of £30", "42 pounds rather than 30", "paid 50 when it should have been 35".
            var instead = Instead().Match(text, end);
            if (instead.Success && MoneyReader.TryParseNumber(instead.Groups["n"].ValueSpan, out var should)
                && should < amount.Value && SameCurrency(amounts, amount, end + instead.Length))
            {
                return Difference(amount, amount.Value - should);
            }
        }

        return currency is null ? null : BareExtra(text, currency);
    }

    private static MoneyAmount? Paired(string text, IReadOnlyList<MoneyAmount> amounts)
    {
        foreach (var charged in amounts)
        {
            if (charged.Purpose is MoneyPurpose.Delivery or MoneyPurpose.Fee || !TookBefore().IsMatch(text.AsSpan(0, charged.Start)))
            {
                continue;
            }

            foreach (var price in amounts)
            {
                if (price == charged || price.Currency != charged.Currency || price.Value >= charged.Value || price.Purpose is MoneyPurpose.Delivery or MoneyPurpose.Fee)
                {
                    continue;
                }

                if (PriceBefore().IsMatch(text.AsSpan(0, price.Start)) || ForOrderAfter().IsMatch(text.AsSpan(price.Start + price.Length)) && ForBefore().IsMatch(text.AsSpan(0, price.Start)))
                {
                    return Difference(charged, charged.Value - price.Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A price that rose ("went up from 9.99 to 22.98"): the rise, in the currency written beside either figure, else
    /// in <paramref name="currency"/>; null when the figures have no currency and none is given, or did not rise.
    /// </summary>
    private static MoneyAmount? Rise(string text, IReadOnlyList<MoneyAmount> amounts, string? currency)
    {
        var match = RiseFromTo().Match(text);
        if (!match.Success || !MoneyReader.TryParseNumber(match.Groups["from"].ValueSpan, out var from)
            || !MoneyReader.TryParseNumber(match.Groups["to"].ValueSpan, out var to) || to <= from)
        {
            return null;
        }

        var written = amounts.FirstOrDefault(a => a.CurrencyWritten && a.Start >= match.Index && a.Start < match.Index + match.Length);
        if ((written?.Currency ?? currency) is not { } code)
        {
            return null;
        }

        var rise = to - from;
        return new MoneyAmount { Value = rise, Currency = code, Text = MoneyFormatter.Format(rise, code), Start = match.Groups["to"].Index, CurrencyWritten = written is not null, Purpose = MoneyPurpose.Charge, PurposeText = Overcharge };
    }

    /// <summary>
    /// "I only want the extra 60 back": a bare figure named as the extra, in <paramref name="currency"/>. The figure
    /// must read as money: in pence ("the extra 12.99"), or wanted back ("the extra 60 back", "refund the extra 16"),
    /// so "it took an extra 2 days" is not one.
    /// </summary>
    private static MoneyAmount? BareExtra(string text, string currency)
    {
        var match = Extra().Match(text);
        if (!match.Success || !MoneyReader.TryParseNumber(match.Groups["n"].ValueSpan, out var value) || value <= 0
            || !(match.Groups["n"].ValueSpan.Contains('.') || WantedBack().IsMatch(text)))
        {
            return null;
        }

        return new MoneyAmount { Value = value, Currency = currency, Text = MoneyFormatter.Format(value, currency), Start = match.Groups["n"].Index, CurrencyWritten = false, Purpose = MoneyPurpose.Charge, PurposeText = Overcharge };
    }

    private static MoneyAmount Difference(MoneyAmount charged, decimal difference) => charged with
    {
        Value = difference,
        Text = MoneyFormatter.Format(difference, charged.Currency),
        Purpose = MoneyPurpose.Charge,
        PurposeText = Overcharge,
    };

    /// <summary>Whether the amount after "instead of", if the reader found one there, is in the same currency as <paramref name="charged"/>.</summary>
    private static bool SameCurrency(IReadOnlyList<MoneyAmount> amounts, MoneyAmount charged, int end)
    {
        var other = amounts.FirstOrDefault(a => a != charged && a.Start > charged.Start && a.Start < end);
        return other is null || !other.CurrencyWritten || other.Currency == charged.Currency;
    }

    [GeneratedRegex(@"^\s*(?:(?:extra\s+)?difference|too\s+much|more\s+than\s+(?:it\s+should|the\s+price|advertised|quoted|listed)|over\s+the\s+(?:price|quote)|overcharge)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedAfter();

    [GeneratedRegex(@"\b(?:(?:the\s+)?difference\s+(?:of|is|was)|overcharged\s+(?:me\s+|us\s+)?(?:by\s+)?|over-?charge\s+of|(?:an|the|that)\s+extra|charged\s+(?:me\s+|us\s+)?an\s+extra)\s*(?:about\s+|around\s+|roughly\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedBefore();

    [GeneratedRegex(@"\G(?:\s+(?:for|on)\s+[a-z&-]+(?:\s+[a-z&-]+){0,4}?)?\s*,?\s*(?:instead\s+of|rather\s+than|(?:when|but|and|where)\s+(?:it|that|the\s+price)\s*(?:'s|\s+is|\s+was|\s+should\s+(?:have\s+been|be)|\s+was\s+(?:supposed|meant)\s+to\s+be|\s+costs?)|(?:when|but|and)\s+it\s+says|for\s+something\s+(?:that\s+)?(?:costs?|priced\s+at))\s+(?:only\s+|just\s+)?[£$€]?\s?" + MoneyReader.Number,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Instead();

    [GeneratedRegex(@"\b(?:charged|billed|debited|paid|took|taken|deducted|overcharged|(?:bill|invoice|statement)(?:\s+\w+){0,3}\s+(?:is|was|came\s+to|says))\s+(?:me\s+|us\s+|my\s+card\s+|my\s+account\s+)?(?:with\s+)?(?:about\s+|around\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TookBefore();

    [GeneratedRegex(@"\b(?:price|priced|listed|advertised|quoted|contract|plan|tariff|package|normally|usually|should\s+(?:have\s+)?be(?:en)?|supposed\s+to\s+be|meant\s+to\s+be|it\s+says|says)\b[^.!?\d]{0,30}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceBefore();

    [GeneratedRegex(@"\b(?:for|on)\s+(?:a|an|my|the)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForBefore();

    [GeneratedRegex(@"^\s*(?:dollars?|bucks?|pounds?|quid|euros?)?\s*(?:order|item|product|purchase|jacket|pair|one|thing)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForOrderAfter();

    [GeneratedRegex(@"\b(?:(?:went|gone|goes|go|jumped|shot|put|bumped|crept)\s+(?:[a-z]+\s+){0,2}?up|increased?|raised?|rose|risen|hiked?|jumped|changed)\b[^.!?]{0,40}?\bfrom\s+[£$€]?\s?(?<from>\d{1,5}(?:[.,]\d{1,2})?)(?!\d)(?!\s*(?:%|percent|[gmk]bs?\b|mbps|min|hour|hr|day|week|degree|gig|meg|p\b))\s*(?:(?:dollars?|pounds?|quid|euros?|bucks)\s*)?(?:(?:a|per|/)\s*(?:month|mo|year|week)\s*)?to\s+[£$€]?\s?(?<to>\d{1,5}(?:[.,]\d{1,2})?)(?!\d)(?!\s*(?:%|percent|[gmk]bs?\b|mbps|min|hour|hr|day|week|degree|gig|meg|p\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RiseFromTo();

    [GeneratedRegex(@"\b(?:back|refund(?:ed)?|return(?:ed)?|credit(?:ed)?|repay|reimburse)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WantedBack();

    [GeneratedRegex(@"\b(?:the|that|an)\s+extra\s+(?<n>\d{1,5}(?:[.,]\d{1,2})?)(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Extra();
}
