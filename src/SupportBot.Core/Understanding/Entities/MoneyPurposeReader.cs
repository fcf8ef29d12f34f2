using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Works out what an amount is for from the words next to it: "for the lamp" after it, a fee named after it
/// ("£12 express delivery charge"), a thing named before it ("the lamp cost 89 pounds"), "each time" and "a month".
/// The nearest words win, so in "the lamp was £89 and a £12 delivery charge" each amount keeps its own purpose.
/// </summary>
internal static partial class MoneyPurposeReader
{
    private const int Window = 60;

    /// <summary>Words that end a noun phrase: what follows them names the thing, what precedes them does not.</summary>
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "my", "a", "an", "this", "that", "these", "those", "his", "her", "their", "your", "our", "its", "it", "it's",
        "i", "me", "we", "us", "you", "they", "them", "he", "she", "and", "but", "or", "so", "then", "because", "which",
        "think", "said", "says", "paid", "bought", "got", "ordered", "was", "is", "were", "are", "be", "been", "had", "has",
        "have", "to", "of", "in", "on", "at", "by", "with", "from", "not", "no", "just", "only", "also", "plus", "what",
        "when", "where", "why", "how", "if", "for", "there", "here", "one", "all", "which", "who", "still", "never",
        "nothing", "something", "anything", "some", "any", "charged", "cost", "costs", "refunded", "took", "extra", "about", "around", "over", "nearly", "almost",
    };

    public static MoneyAmount Describe(string text, MoneyAmount amount)
    {
        var end = amount.Start + amount.Length;
        var after = Math.Min(Window, text.Length - end);
        var beforeStart = Math.Max(0, amount.Start - Window);
        var before = amount.Start - beforeStart;

        var each = Each().Match(text, end, after);
        var recurring = Recurring().Match(text, end, after);
        var phrase = Phrase(For().Match(text, end, after), fromEnd: false)
            ?? Phrase(NamedAfter().Match(text, end, after), fromEnd: false)
            ?? Phrase(NamedBefore(text, beforeStart, amount.Start), fromEnd: true);

        var purpose = phrase is null ? MoneyPurpose.Unspecified : KindOf(phrase);
        if (purpose is MoneyPurpose.Unspecified or MoneyPurpose.Item && recurring.Success)
        {
            purpose = MoneyPurpose.Subscription;
        }
        else if (purpose == MoneyPurpose.Unspecified && (ChargedBefore().Match(text, beforeStart, before).Success
            || each.Success && each.Value.Contains("time", StringComparison.OrdinalIgnoreCase)))
        {
            purpose = MoneyPurpose.Charge;
        }
        else if (purpose == MoneyPurpose.Unspecified && RefundBefore().Match(text, beforeStart, before).Success)
        {
            purpose = MoneyPurpose.Refund;
        }

        return amount with
        {
            Purpose = purpose,
            PurposeText = phrase,
            Each = each.Success,
            Count = each.Success ? CountIn(text) : null,
        };
    }

    private static MoneyPurpose KindOf(string phrase)
    {
        var p = phrase.ToLowerInvariant();
        return p switch
        {
            _ when ContainsAny(p, "deliver", "shipping", "postage", "courier", "p&p", "carriage", "freight", "next day", "next-day", "same day", "same-day", "express", "tracked", "priority") => MoneyPurpose.Delivery,
            _ when p.Contains("refund", StringComparison.Ordinal) => MoneyPurpose.Refund,
            _ when ContainsAny(p, "subscription", "plan", "membership", "monthly", "renewal") => MoneyPurpose.Subscription,
            _ when ContainsAny(p, "fee", "charge", "surcharge", "penalty", "tax", "vat", "tip", "deposit", "interest") => MoneyPurpose.Fee,
            _ when ContainsAny(p, "total", "order", "bill", "basket", "purchase", "invoice") => MoneyPurpose.Total,
            _ => MoneyPurpose.Item,
        };
    }

    private static bool ContainsAny(string text, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The phrase's content words: after its last stop word when read towards the amount (<paramref name="fromEnd"/>),
    /// or up to its first stop word when read away from it. Null when nothing is left ("it cost 89").
    /// </summary>
    private static string? Phrase(Match match, bool fromEnd)
    {
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["np"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int from = 0, to = words.Length;
        if (fromEnd)
        {
            for (var i = words.Length - 1; i >= 0; i--)
            {
                if (Stop.Contains(words[i]))
                {
                    from = i + 1;
                    break;
                }
            }
        }
        else
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (Stop.Contains(words[i]))
                {
                    to = i;
                    break;
                }
            }
        }

        return from >= to ? null : string.Join(' ', words[from..to]).ToLowerInvariant();
    }

    /// <summary>
    /// <see cref="NamedBefore()"/> in text[from..to], searched only from the last character that none of its parts can
    /// match (a digit, a comma, a full stop…): no match can span it. That character stays in the search, so \b reads
    /// as in the whole window, and the match is the same.
    /// </summary>
    private static Match NamedBefore(string text, int from, int to)
    {
        var start = from;
        for (var i = to - 1; i > from; i--)
        {
            if (text[i] < 128 && !char.IsAsciiLetter(text[i]) && !char.IsWhiteSpace(text[i]) && text[i] is not ('&' or '\'' or '-' or ':' or '='))
            {
                start = i;
                break;
            }
        }

        return NamedBefore().Match(text, start, to - start);
    }

    private static int? CountIn(string text)
    {
        var match = Times().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["w"].Value.ToLowerInvariant() switch
        {
            "twice" or "two" or "2" or "double" => 2,
            "thrice" or "three" or "3" => 3,
            "four" or "4" => 4,
            "five" or "5" => 5,
            "six" or "6" => 6,
            var other => int.TryParse(other, out var n) && n is > 0 and < 100 ? n : null,
        };
    }

    [GeneratedRegex(@"\G\s*(?:each(?:\s+time)?|apiece|per\s+(?:charge|item|time|unit|piece|payment)|a\s+(?:time|piece|go))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Each();

    [GeneratedRegex(@"\G\s*(?:(?:each\s+|a\s+|per\s+|every\s+|/\s*)(?:month|mo|year|yr|week|annum)\b|monthly\b|yearly\b|annually\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recurring();

    [GeneratedRegex(@"\G\s*(?:each(?:\s+time)?\s+|in\s+total\s+|extra\s+|more\s+)?(?:just\s+)?for\s+(?:(?:the|my|a|an|this|that|our|his|her|their|your)\s+)?(?<np>[a-z&'-]+(?:\s+[a-z&'-]+){0,3})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex For();

    [GeneratedRegex(@"\G\s*(?<np>(?:[a-z&'-]+\s+){0,3}(?:charge|fee|surcharge|delivery|shipping|postage|subscription|refund|deposit|tip|tax|vat|payment|bill|order|plan|membership|penalty))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedAfter();

    [GeneratedRegex(@"\b(?<np>[a-z&'-]+(?:\s+[a-z&'-]+){0,4}?)\s*(?:(?:was|is|were|are|has\s+been|had\s+been)\s+)?(?:cost|costs|costed|was|is|were|are|came\s+to|comes\s+to|priced\s+at|of|at|:|=)\s*(?:me\s+|us\s+)?(?:only\s+|about\s+|around\s+|just\s+|over\s+|nearly\s+|almost\s+|roughly\s+)?(?:a\s+|an\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NamedBefore();

    [GeneratedRegex(@"\b(?:charged|billed|debited|took|taken|deducted|withdrew|overcharged)\s+(?:me\s+|us\s+|my\s+card\s+|my\s+account\s+)?(?:twice\s+|again\s+|an\s+extra\s+|another\s+|extra\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChargedBefore();

    [GeneratedRegex(@"\b(?:refund|refunded|money\s+back|give\s+me\s+back|reimburse|reimbursed)\s+(?:me\s+|us\s+|of\s+|the\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefundBefore();

    [GeneratedRegex(@"\b(?:(?<w>twice|thrice|double)|(?<w>\d{1,2}|two|three|four|five|six)\s*(?:times|x)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Times();
}
