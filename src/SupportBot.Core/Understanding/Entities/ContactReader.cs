using System.Text.RegularExpressions;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Finds e-mail addresses and phone numbers: "dana@example.com", "+44 7700 900123", "0044 7700 900123",
/// "(415) 555-0134", "415.555.0134", "07700900123". A rating ("5"), a day ("tomorrow"), a price, a date or a
/// card number is not a contact, so a call-back never goes to "5".
/// </summary>
public static partial class ContactReader
{
    /// <summary>The e-mail addresses and phone numbers in <paramref name="text"/>, in the order written.</summary>
    public static IReadOnlyList<ContactPoint> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var found = new List<ContactPoint>();
        if (text.Contains('@'))
        {
            foreach (Match match in Email().Matches(text))
            {
                var at = match.Value.IndexOf('@');
                var value = string.Concat(match.Value.AsSpan(0, at + 1), match.Value[(at + 1)..].ToLowerInvariant());
                found.Add(new ContactPoint { Kind = ContactKind.Email, Value = value, Text = match.Value, Start = match.Index });
            }
        }

        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            foreach (Match match in Phone().Matches(text))
            {
                if (PhoneValue(match.Value) is { } value && !InsideEmail(found, match.Index))
                {
                    found.Add(new ContactPoint { Kind = ContactKind.Phone, Value = value, Text = match.Value, Start = match.Index });
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The first contact in <paramref name="text"/>, or null: what a call-back may use.</summary>
    public static ContactPoint? ReadFirst(string? text)
    {
        var all = Read(text);
        return all.Count == 0 ? null : all[0];
    }

    /// <summary>
    /// The digits of a phone number ("+" kept for an international one, "00" turned into "+"), or null when the
    /// digits cannot be a phone: 8 to 15 digits after a country code, or 10 to 11 digits in national form.
    /// </summary>
    private static string? PhoneValue(string raw)
    {
        Span<char> digits = stackalloc char[raw.Length + 1];
        var length = 0;
        var international = raw[0] == '+';
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[length++] = c;
            }
        }

        var span = digits[..length];
        if (!international && span.StartsWith("00"))
        {
            international = true;
            span = span[2..];
        }

        if (international)
        {
            return span.Length is >= 8 and <= 15 && span[0] != '0' ? "+" + new string(span) : null;
        }

        // National: a UK-style 0 prefix (10-11 digits), a North American 10 digits, or 1 then 10 digits.
        var plausible = (span[0] == '0' && span.Length is 10 or 11)
            || (span[0] is not '0' and not '1' && span.Length == 10)
            || (span[0] == '1' && span.Length == 11);
        return plausible && !raw.Contains(',') && !LooksLikeDecimal(raw) ? new string(span) : null;
    }

    /// <summary>"12.99" or "1.200" are amounts; a dotted phone has groups of three or four digits ("415.555.0134").</summary>
    private static bool LooksLikeDecimal(string raw)
    {
        var dot = raw.LastIndexOf('.');
        return dot >= 0 && raw.Length - dot - 1 < 3;
    }

    private static bool InsideEmail(List<ContactPoint> found, int start)
    {
        foreach (var contact in found)
        {
            if (contact.Kind == ContactKind.Email && start >= contact.Start && start < contact.Start + contact.Length)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>A run of digits with the separators phone numbers use; what counts is decided by <see cref="PhoneValue"/>.</summary>
    [GeneratedRegex(@"(?<![\w+/.,:£$€-])(?:\+\s?|\(\s?)?\d(?:[ .-]?\(?\d\)?|\)\s?\d|\s-\s\d){6,17}(?![\w/@]|[.,]\d|:\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
