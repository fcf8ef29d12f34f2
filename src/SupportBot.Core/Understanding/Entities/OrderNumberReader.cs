using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Finds order and reference numbers: "order 48213", "order number is 48213", "#A-99812", "AB-99812", "112-4456789-1234567",
/// "ref: 7Q2LX9", or a whole reply that is only a code ("48213", "it's 7Q2LX9"). Not order numbers: "the 3rd",
/// "5", "2 times", "iPhone 15", phone numbers, dates, prices and years such as 2024.
/// </summary>
public static partial class OrderNumberReader
{
    /// <summary>The order numbers in <paramref name="text"/>, labelled ones first and then in the order written.</summary>
    public static IReadOnlyList<OrderNumber> Read(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return [];
        }

        var found = new List<OrderNumber>();
        foreach (Match match in Labelled().Matches(text))
        {
            var id = match.Groups["id"];
            if (IsPlausible(id.Value, labelled: true))
            {
                Add(found, id.Value, id.Index, labelled: true);
            }
        }

        foreach (Match match in Hashed().Matches(text))
        {
            var id = match.Groups["id"];
            if (IsPlausible(id.Value, labelled: true))
            {
                Add(found, match.Value, match.Index, labelled: true);
            }
        }

        foreach (Match match in Shaped().Matches(text))
        {
            if (IsPlausible(match.Value, labelled: false) && !IsMoneyOrQuantity(text, match.Index, match.Length))
            {
                Add(found, match.Value, match.Index, labelled: false);
            }
        }

        if (found.Count == 0 && WholeReply().Match(text) is { Success: true } whole && IsPlausible(whole.Groups["id"].Value, labelled: false))
        {
            var id = whole.Groups["id"];
            Add(found, id.Value, id.Index, labelled: false);
        }

        if (found.Count == 0 && SpelledOut().Match(text) is { Success: true } spelled)
        {
            // "uhh 4 4 8 2 9 1 0": read off the email a digit at a time.
            Add(found, spelled.Value, spelled.Index, labelled: false);
        }

        if (found.Exists(o => !o.Labelled))
        {
            var contacts = ContactReader.Read(text);
            found.RemoveAll(o => !o.Labelled && contacts.Any(c => o.Start < c.Start + c.Length && c.Start < o.Start + o.Length));
        }

        found.Sort((a, b) => a.Labelled != b.Labelled ? (a.Labelled ? -1 : 1) : a.Start.CompareTo(b.Start));
        return found;
    }

    [GeneratedRegex(@"(?<![\w.,£$€])(?:\d[ ]){4,11}\d(?![\w.,%])", RegexOptions.CultureInvariant)]
    private static partial Regex SpelledOut();

    /// <summary>The most likely order number in <paramref name="text"/> (a labelled one first), or null.</summary>
    public static OrderNumber? ReadFirst(string? text)
    {
        var all = Read(text);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>
    /// The order number in a reply to "what's the order number?": as <see cref="ReadFirst"/>, and a reply that is only
    /// four digits ("7709", "it's 7709") counts too, being asked for, unless it reads as a year.
    /// </summary>
    public static OrderNumber? ReadAnswer(string? text)
    {
        if (ReadFirst(text) is { } order)
        {
            return order;
        }

        return text is not null && WholeReply().Match(text) is { Success: true } whole && whole.Groups["id"].Value is { Length: 4 } id
            && id.All(char.IsAsciiDigit) && !(id[0] is '1' or '2' && id[1] is '9' or '0')
            ? new OrderNumber { Value = id, Text = id, Start = whole.Groups["id"].Index, Labelled = false }
            : null;
    }

    /// <summary>"#a-99812 " becomes "A-99812"; "48 213" becomes "48213".</summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Span<char> buffer = stackalloc char[raw.Length];
        var length = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
            else if (c is '-' or '/' or '_' && length > 0)
            {
                buffer[length++] = c;
            }
        }

        while (length > 0 && buffer[length - 1] is '-' or '/' or '_')
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    private static void Add(List<OrderNumber> found, string raw, int start, bool labelled)
    {
        var value = Normalize(raw);
        foreach (var existing in found)
        {
            if (existing.Value == value || (start < existing.Start + existing.Length && existing.Start < start + raw.Length))
            {
                return;
            }
        }

        found.Add(new OrderNumber { Value = value, Text = raw.Trim(), Start = start, Labelled = labelled });
    }

    /// <summary>
    /// Long enough and with a digit; not an ordinal ("3rd"), a year, a version ("3.2.1"), a date ("03/03") or a
    /// phone number ("+44 7700 900123", "07700900123"). A labelled number may be all digits from four up.
    /// </summary>
    private static bool IsPlausible(string raw, bool labelled)
    {
        var value = Normalize(raw);
        if (GroupedDigits().IsMatch(value))
        {
            // "112-4456789-1234567": digits in dashed groups are how marketplaces write order numbers, never a phone or a date.
            return true;
        }

        var digits = 0;
        var letters = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            letters += char.IsAsciiLetter(c) ? 1 : 0;
        }

        if (digits == 0 || value.Length < 4 || value.Length > 20 || raw.Contains('.') || raw.TrimStart().StartsWith('+'))
        {
            return false;
        }

        if (Ordinal().IsMatch(value) || value.Contains('/') || DateLike().IsMatch(value))
        {
            return false;
        }

        if (letters == 0 && !labelled)
        {
            var isYear = value.Length == 4 && value[0] is '1' or '2' && value[1] is '9' or '0';
            var isPhone = value.Length >= 10 && value[0] == '0' || value.Length > 12;
            return value.Length >= 5 && !isYear && !isPhone;
        }

        return labelled || letters <= digits + 2;
    }

    /// <summary>A number right after a currency sign or before a unit or currency word is an amount or a count.</summary>
    private static bool IsMoneyOrQuantity(string text, int start, int length)
    {
        var before = start > 0 ? text[start - 1] : ' ';
        if (before is '£' or '$' or '€' or '¥' or '₹' or '+' or '(' or '.' or ',')
        {
            return true;
        }

        return QuantityAfter().Match(text, start + length, text.Length - start - length).Success
            || CurrencyBefore().Match(text, Math.Max(0, start - 8), Math.Min(8, start)).Success;
    }

    [GeneratedRegex(
        @"\b(?:order|ord|ref|reference|booking|confirmation|invoice|receipt|ticket|case|transaction|tracking|purchase)\b\.?\s*(?:no\.?|nr\.?|num(?:ber)?|#|id|code|ref(?:erence)?)?\s*(?:is\s+|was\s+|:\s*|=\s*|-\s*)?#?\s*(?<id>[a-z0-9](?:[a-z0-9]|[-/_](?=[a-z0-9])|\s(?=\d{3,}\b))*[a-z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"(?<![\w&])#\s?(?<id>[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Hashed();

    /// <summary>Letters then digits ("AB-99812", "ORD12345"), five to twelve digits standing alone, or two groups of them ("55102-884").</summary>
    [GeneratedRegex(@"(?<![\w#.,/:-])(?:[A-Z]{1,4}-?\d{4,}(?:-[A-Z0-9]+)?|\d{3}-\d{7}-\d{7}|(?!0)\d{5,8}-\d{2,6}(?![\w-])|\d{5,12})(?![\w/:]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Shaped();

    [GeneratedRegex(@"^\d{3}-\d{7}-\d{7}$")]
    private static partial Regex GroupedDigits();

    /// <summary>A reply that is only a code ("48213", "it's 7Q2LX9.", "sure: AB99812").</summary>
    [GeneratedRegex(@"^\s*(?:(?:it'?s|it\s+is|that'?s|sure|yes|yeah|ok|okay|here|here\s+it\s+is|the\s+number\s+is|number)[\s,:!.-]*)*#?(?<id>[a-z0-9][a-z0-9-]{2,18}[a-z0-9])\s*[.!]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WholeReply();

    [GeneratedRegex(@"(?:\b(?:usd|gbp|eur|cad|aud|nzd|chf)|[£$€])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyBefore();

    [GeneratedRegex(@"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^\d{1,2}(?:ST|ND|RD|TH)$")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\G\s*(?:%|percent|times|x\b|days?|weeks?|months?|years?|hours?|mins?|minutes?|items?|pieces?|units?|pounds?|quid|euros?|dollars?|bucks|p\b|pence|gbp|usd|eur|each)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityAfter();
}
