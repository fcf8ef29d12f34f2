using System.Text.RegularExpressions;

namespace SupportBot.Core.Cases;

/// <summary>
/// Masks what must never be stored or shown in full. <see cref="MaskPayment"/> runs on every customer message before
/// the turn (so state, transcript, brief, console and logs never hold it): payment card numbers in any spacing or
/// separator form (13 to 19 digits passing the Luhn check, as every card number does, and not named as an order's),
/// kept as their last four digits; security codes and PINs named as such; IBANs (checked by their mod-97 digits),
/// kept as their last four. <see cref="Mask"/> also shortens e-mail addresses' local parts, and
/// <see cref="MaskForBrief"/> phone numbers too, for what a colleague reads (a call-back contact is kept whole).
/// </summary>
public static partial class PiiMasker
{
    /// <summary>Card numbers, security codes, PINs and IBANs masked; nothing else changed.</summary>
    public static string MaskPayment(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(char.IsDigit))
        {
            return text ?? string.Empty;
        }

        var masked = CardNumber().Replace(text, m =>
        {
            var digits = new string([.. m.Value.Where(char.IsDigit)]);
            return digits.Length is >= 13 and <= 19 && PassesLuhn(digits) && !NamedAsOrder().IsMatch(text[..m.Index]) ? $"[card ending {digits[^4..]}]" : m.Value;
        });
        masked = Iban().Replace(masked, m =>
        {
            var iban = new string([.. m.Value.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
            return IsIban(iban) ? $"[IBAN ending {iban[^4..]}]" : m.Value;
        });
        return SecurityCode().Replace(masked, m => $"{m.Groups[1].Value}{m.Groups[2].Value}[hidden]");
    }

    /// <summary><see cref="MaskPayment"/>, and e-mail addresses' local parts shortened.</summary>
    public static string Mask(string? text) =>
        Email().Replace(MaskPayment(text), m => $"{m.Groups[1].Value[0]}***@{m.Groups[2].Value}");

    /// <summary><see cref="Mask"/>, and phone numbers kept as their last four digits: what a brief shows.</summary>
    public static string MaskForBrief(string? text) =>
        Phone().Replace(Mask(text), m =>
        {
            var digits = m.Value.Count(char.IsDigit);
            return digits is >= 9 and <= 15 && !NamedAsOrder().IsMatch(m.Result("$`")) ? $"[phone ending {new string([.. m.Value.Where(char.IsDigit)])[^4..]}]" : m.Value;
        });

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

    /// <summary>ISO 13616: the country and check digits moved to the end, letters as 10–35, the number mod 97 is 1.</summary>
    private static bool IsIban(string iban)
    {
        if (iban.Length is < 15 or > 34 || !char.IsLetter(iban[0]) || !char.IsLetter(iban[1]) || !char.IsDigit(iban[2]) || !char.IsDigit(iban[3]))
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var value = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    /// <summary>A number right after "order #" or "order number" is the order's, not a card's.</summary>
    [GeneratedRegex(@"\b(?:order|booking|tracking|reference|ref|account|invoice)\s*(?:no\.?|number|num|#|id)?\s*(?:is|:)?\s*#?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NamedAsOrder();

    [GeneratedRegex(@"(?<![\w.])\d(?:(?:[ .\-/]{1,2}|\u00A0)?\d){12,18}(?![\w]|[.\-/]\d)")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"\b[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]{4}){2,7}(?:[ \-]?[A-Za-z0-9]{1,3})?\b")]
    private static partial Regex Iban();

    [GeneratedRegex(@"\b(cvv2?|cvc2?|csc|cid|security code|security number|pin(?:\s*(?:number|code|no\.?))?)(\W{0,3}(?:is|was|=|:|-)?\W{0,3}|\s+(?:is|was)\s+)(\d{3,6})\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecurityCode();

    [GeneratedRegex(@"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w\]])(?:\+|00|\()?\d[\d ().\-]{6,}\d(?![\w\[])")]
    private static partial Regex Phone();
}
