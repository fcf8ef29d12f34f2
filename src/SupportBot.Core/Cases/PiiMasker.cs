using System.Text.RegularExpressions;

namespace SupportBot.Core.Cases;

/// <summary>
/// Masks what must never appear in summaries or logs: payment card numbers (13 to 19 digits, spaces or dashes
/// allowed, passing the Luhn check as every card number does and not named as an order's, kept only as their last
/// four digits), security codes named as such, and e-mail addresses' local parts.
/// </summary>
public static partial class PiiMasker
{
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var masked = CardNumber().Replace(text, m =>
        {
            var digits = new string([.. m.Value.Where(char.IsDigit)]);
            return digits.Length is >= 13 and <= 19 && PassesLuhn(digits) && !NamedAsOrder().IsMatch(text[..m.Index]) ? $"[card ending {digits[^4..]}]" : m.Value;
        });
        masked = SecurityCode().Replace(masked, m => $"{m.Groups[1].Value} [hidden]");
        return Email().Replace(masked, m => $"{m.Groups[1].Value[0]}***@{m.Groups[2].Value}");
    }

    /// <summary>Every card number passes the Luhn check; most order numbers of the same length don't.</summary>
    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>A number right after "order #" or "order number" is the order's, not a card's.</summary>
    [GeneratedRegex(@"\b(?:order|booking|tracking|reference|ref)\s*(?:no\.?|number|num|#|id)?\s*(?:is|:)?\s*#?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAsOrder();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"\b(cvv|cvc|security code|pin)\s*(?:is|:)?\s*\d{3,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityCode();

    [GeneratedRegex(@"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")]
    private static partial Regex Email();
}
