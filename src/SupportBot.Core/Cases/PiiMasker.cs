using System.Text.RegularExpressions;

namespace SupportBot.Core.Cases;

/// <summary>
/// Masks what must never appear in summaries or logs: payment card numbers (13 to 19 digits, spaces or dashes
/// allowed, kept only as their last four digits), security codes named as such, and e-mail addresses' local parts.
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
            return digits.Length is >= 13 and <= 19 ? $"[card ending {digits[^4..]}]" : m.Value;
        });
        masked = SecurityCode().Replace(masked, m => $"{m.Groups[1].Value} [hidden]");
        return Email().Replace(masked, m => $"{m.Groups[1].Value[0]}***@{m.Groups[2].Value}");
    }

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"\b(cvv|cvc|security code|pin)\s*(?:is|:)?\s*\d{3,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityCode();

    [GeneratedRegex(@"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")]
    private static partial Regex Email();
}
