using System.Globalization;

namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Writes an amount for a customer, the same on every machine: "£89.00", "$60.00", "€30.00", "¥1,200",
/// and the ISO code in front for currencies without a symbol of their own ("CHF 30.00", "CAD 12.50").
/// </summary>
public static class MoneyFormatter
{
    /// <summary>The amount with its currency's symbol or code and its usual decimals, invariant culture.</summary>
    public static string Format(decimal value, string currency)
    {
        var code = string.IsNullOrWhiteSpace(currency) ? "XXX" : currency.Trim().ToUpperInvariant();
        var decimals = code is "JPY" or "KRW" or "HUF" or "ISK" or "CLP" or "VND" ? 0 : 2;
        var number = Math.Abs(Math.Round(value, decimals, MidpointRounding.AwayFromZero))
            .ToString(decimals == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);
        var sign = value < 0 ? "-" : string.Empty;
        return code switch
        {
            "GBP" => $"{sign}£{number}",
            "USD" => $"{sign}${number}",
            "EUR" => $"{sign}€{number}",
            "JPY" => $"{sign}¥{number}",
            "INR" => $"{sign}₹{number}",
            _ => $"{sign}{code} {number}",
        };
    }

    /// <summary>The amount written for a customer (<see cref="Format(decimal, string)"/>).</summary>
    public static string Format(MoneyAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return Format(amount.Value, amount.Currency);
    }
}
