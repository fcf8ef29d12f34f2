using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Cases;

/// <summary>
/// Keeps the money a customer mentions in their case, with its currency: the amount of the thing the case is about
/// (what a refund would be for), and apart from it any delivery fee or other charge, which is never mistaken for it.
/// A correction ("No, the lamp cost 89 pounds") replaces the amount.
/// </summary>
public static partial class CaseAmounts
{
    /// <summary>The prompt that says what a correction changed (variables: name, amount, item).</summary>
    public const string CorrectedPrompt = "corrections.amount";

    /// <summary>
    /// Reads the amounts in <paramref name="text"/> into the case (a bare number takes
    /// <paramref name="defaultCurrency"/>). Returns the amount as it now stands when the text corrected it, so the
    /// bot can say what it changed; null otherwise.
    /// </summary>
    public static string? Take(SupportCase supportCase, string? text, string defaultCurrency, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most answers hold no money at all: only those that do are read for a correction (which reads every kind of
        // value), and those with a figure once an amount is known ("no, it was 19.99").
        var amounts = MoneyReader.Read(text, defaultCurrency);
        if (amounts.Count == 0 && supportCase.Amount is { } value && CorrectedCurrency(text) is { } code && code != supportCase.Currency)
        {
            // "pounds not dollars", "£ not $": the same figure, in the currency they paid in.
            Set(supportCase, new MoneyAmount { Value = value, Currency = code, Text = text, Start = 0, PurposeText = supportCase.AmountFor });
            return supportCase.AmountText();
        }

        if (amounts is [{ CurrencyWritten: true } same] && same.Value == supportCase.Amount && same.Currency != supportCase.Currency)
        {
            // "its £64.99 GBP" after $64.99 was taken: the figure stands, its currency is put right.
            Set(supportCase, same with { PurposeText = same.PurposeText ?? supportCase.AmountFor });
            return supportCase.AmountText();
        }

        if (amounts.Count == 0 && (supportCase.Amount is null || !text.Any(char.IsAsciiDigit)))
        {
            // Figures without a currency can still be money in dispute: "it went up from 9.99 to 22.98", "refund the extra 12.99".
            if (supportCase.Amount is null && text.Any(char.IsAsciiDigit) && OverchargeReader.Read(text, amounts, defaultCurrency) is { } bare)
            {
                Set(supportCase, bare);
            }

            return null;
        }

        var saidEarlier = supportCase.Answers.Count > 0 || supportCase.UnderlyingIssues.Count > 0 || supportCase.RemedyWanted is not null;

        // A correction needs something said before it: in an earlier message, or earlier in this one ("you charged me
        // 54, sorry I mean 45"); the complaint alone is never one.
        if (CorrectionReader.Read(text, now, defaultCurrency) is { Amount: { } corrected } correction && !corrected.IsSideCharge()
            && (saidEarlier || amounts.Any(a => a.Start < corrected.Start && a.Value != corrected.Value)))
        {
            // "No, it was 7.95 not 6.95" where £6.95 was the delivery fee: the fee is what they put right.
            if (supportCase.DeliveryFee is { } fee && CorrectsFee(supportCase, correction, text, fee))
            {
                var side = $"{fee} {fee.PurposeText ?? "fee"}";
                supportCase.DeliveryFee = corrected with { Currency = corrected.CurrencyWritten ? corrected.Currency : fee.Currency, Purpose = MoneyPurpose.Delivery, PurposeText = fee.PurposeText };
                supportCase.OtherAmounts.Remove(side);
                KeepBeside(supportCase, supportCase.DeliveryFee);
                return saidEarlier ? supportCase.DeliveryFee.ToString() : null;
            }

            var before = supportCase.AmountText();
            Set(supportCase, corrected);
            if (saidEarlier && before is not null && before != supportCase.AmountText()
                && supportCase.Answers.FindIndex(a => a.QuestionId == "amount" && a.Answer == supportCase.AmountText()) is var at and >= 0)
            {
                // The brief still quotes the complaint with the old figure: the amount line says which one holds.
                supportCase.Answers[at] = supportCase.Answers[at] with { Answer = $"{supportCase.AmountText()} (corrected from {before})" };
            }

            // Put right within the complaint, it is simply the amount: nothing the bot had wrong to own up to.
            return saidEarlier ? supportCase.AmountText() : null;
        }

        // "Charged £42 instead of £30", "refund the £12 difference": the overcharge is what is in dispute, not the whole charge.
        if (OverchargeReader.Read(text, amounts, supportCase.Amount is null ? null : supportCase.Currency ?? defaultCurrency) is { } overcharge)
        {
            var changed = supportCase.Amount is { } before && (before != overcharge.Value || supportCase.Currency != overcharge.Currency);
            Set(supportCase, overcharge);
            foreach (var side in amounts.Where(a => a.IsSideCharge()))
            {
                KeepBeside(supportCase, side);
            }

            return changed && saidEarlier ? supportCase.AmountText() : null;
        }

        if (amounts.Count == 0)
        {
            return null;
        }

        foreach (var amount in amounts)
        {
            if (amount.IsSideCharge())
            {
                KeepBeside(supportCase, amount);
            }
            else if (supportCase.Amount is null)
            {
                Set(supportCase, amount);
            }
        }

        return null;
    }

    /// <summary>
    /// The currency of an amount written without one in <paramref name="supportCase"/>: the one of the amounts the
    /// customer has given there, else <paramref name="fallback"/> (<c>Support:Currency</c>).
    /// </summary>
    public static string CurrencyOf(SupportCase? supportCase, string fallback) =>
        supportCase?.Currency ?? supportCase?.DeliveryFee?.Currency ?? fallback;

    /// <summary>
    /// The amount in the case that is for <paramref name="purpose"/>: the delivery fee for
    /// <see cref="MoneyPurpose.Delivery"/>, else the amount of the thing the case is about. Null when not known.
    /// </summary>
    public static MoneyAmount? For(SupportCase supportCase, MoneyPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (purpose == MoneyPurpose.Delivery)
        {
            return supportCase.DeliveryFee;
        }

        return supportCase.Amount is { } value
            ? new MoneyAmount { Value = value, Currency = supportCase.Currency ?? "USD", Text = supportCase.AmountText()!, Start = 0, Purpose = MoneyPurpose.Item, PurposeText = supportCase.AmountFor }
            : null;
    }

    /// <summary>
    /// Reads the customer's reply to "what did it cost?" (a bare number counts: "it was 89") and keeps the amount for
    /// <paramref name="purpose"/>; a delivery fee in a reply about the item is kept beside it, never as its price.
    /// Returns the amount now known for <paramref name="purpose"/>, or null when the reply gave none.
    /// </summary>
    /// <param name="supportCase">The case.</param>
    /// <param name="reply">What the customer answered.</param>
    /// <param name="purpose">What the amount asked for is for.</param>
    /// <param name="defaultCurrency">The currency of a bare number (<c>Support:Currency</c>).</param>
    /// <param name="item">What the amount was asked as the price of ("lamp"), when the reply doesn't say.</param>
    public static MoneyAmount? TakeReply(SupportCase supportCase, string? reply, MoneyPurpose purpose, string defaultCurrency, string? item = null)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        // A bare number that is an order number ("no, the order number is 12354 not 12345") is never a price.
        var orders = OrderNumberReader.Read(reply);
        var amounts = MoneyReader.ReadReply(reply, defaultCurrency)
            .Where(a => a.CurrencyWritten || !orders.Any(o => o.Start < a.Start + a.Text.Length && a.Start < o.Start + o.Length)).ToList();
        var chosen = purpose == MoneyPurpose.Delivery
            ? amounts.FirstOrDefault(a => a.Purpose is MoneyPurpose.Delivery or MoneyPurpose.Unspecified)
            : amounts.FirstOrDefault(a => !a.IsSideCharge());
        foreach (var amount in amounts.Where(a => a != chosen && a.IsSideCharge()))
        {
            KeepBeside(supportCase, amount);
        }

        if (chosen is null)
        {
            return null;
        }

        if (purpose == MoneyPurpose.Delivery)
        {
            supportCase.DeliveryFee = chosen with { Purpose = MoneyPurpose.Delivery };
        }
        else
        {
            Set(supportCase, chosen with { PurposeText = chosen.PurposeText ?? item });
        }

        return For(supportCase, purpose);
    }

    /// <summary>
    /// Whether a reply to "what did the router cost?" says it was never bought outright: a fee paid by the month ("i pay
    /// 65 a month") or a thing that is not theirs ("i didn't buy the router, it's yours", "it's rented"). Its figure is
    /// no price to refund.
    /// </summary>
    public static bool NoPurchasePrice(string? reply, string defaultCurrency) =>
        !string.IsNullOrWhiteSpace(reply)
        && (NotBought().IsMatch(reply.Replace('\u2019', '\'')) || MoneyReader.ReadReply(reply, defaultCurrency).Any(a => a.Purpose == MoneyPurpose.Subscription));

    [GeneratedRegex(@"\b(?:(?:i|we)\s+(?:didn'?t|did\s+not|never|don'?t|do\s+not)\s+(?:buy|bought|purchase|pay\s+for|own)|it'?s\s+(?:yours|not\s+mine|rented|leased|on\s+loan)|its\s+(?:yours|not\s+mine)|(?:belongs|belonged)\s+to\s+(?:you|the\s+company)|(?:rented|leased|loaned|lent)\s+(?:it\s+)?(?:from|by|to)|(?:came|comes)\s+(?:free\s+)?with\s+(?:the|my)\s+(?:plan|contract|package|service|subscription)|(?:was|were|is)\s+free\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotBought();

    /// <summary>
    /// Reads the answer to the clarifying question "how much was the charge?": its amount is what the case is about,
    /// even a fee when that is all it names ("a £5 late fee"), unless the case already has one.
    /// </summary>
    public static void TakeCharge(SupportCase supportCase, string? text, string defaultCurrency)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (supportCase.Amount is not null || Charge(MoneyReader.ReadReply(text, defaultCurrency)) is not { } charge)
        {
            return;
        }

        Set(supportCase, charge);
        supportCase.OtherAmounts.Remove($"{charge} {charge.PurposeText ?? "fee"}");
        if (supportCase.DeliveryFee == charge)
        {
            supportCase.DeliveryFee = null;
        }
    }

    /// <summary>Of the amounts in a reply to "how much was the charge?", the charge: the first that is not a fee, else the first.</summary>
    public static MoneyAmount? Charge(IReadOnlyList<MoneyAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return amounts.FirstOrDefault(a => !a.IsSideCharge()) ?? (amounts.Count > 0 ? amounts[0] : null);
    }

    /// <summary>
    /// Whether a correction puts right the delivery fee rather than the item's price: it rules out the fee's value ("7.95
    /// not 6.95"), or names it beside the new one, or names no value to rule out while the remedy wanted pays the fee back.
    /// </summary>
    private static bool CorrectsFee(SupportCase supportCase, Correction correction, string text, MoneyAmount fee) =>
        fee.Value != supportCase.Amount
        && (correction.Rejected is { } rejected
            ? MoneyReader.ReadReply(rejected, fee.Currency) is [var ruledOut, ..] && ruledOut.Value == fee.Value
            : supportCase.RemedyPaysFor == MoneyPurpose.Delivery
                || Names(text, fee.Value));

    /// <summary>Whether <paramref name="text"/> writes <paramref name="value"/> as a figure of its own ("6.95", "£6.95", "7").</summary>
    private static bool Names(string text, decimal value) =>
        new[] { value.ToString("0.00", CultureInfo.InvariantCulture), value.ToString("0.##", CultureInfo.InvariantCulture) }.Distinct()
            .Any(figure => Regex.IsMatch(text, $@"(?<![\d.,]){Regex.Escape(figure)}(?![\d]|[.,]\d)", RegexOptions.CultureInvariant));

    /// <summary>A delivery fee or other charge, kept beside the item's amount for the brief (and the first delivery fee for a delivery refund).</summary>
    private static void KeepBeside(SupportCase supportCase, MoneyAmount amount)
    {
        if (amount.Purpose == MoneyPurpose.Delivery)
        {
            supportCase.DeliveryFee ??= amount;
        }

        var side = $"{amount} {amount.PurposeText ?? "fee"}";
        if (!supportCase.OtherAmounts.Contains(side))
        {
            supportCase.OtherAmounts.Add(side);
        }
    }

    /// <summary>
    /// Sets the case's amount; a remedy wanted that names the amount ("a refund of the £40.00 you were overcharged") and
    /// the answer to "how much was it?" follow it.
    /// </summary>
    private static void Set(SupportCase supportCase, MoneyAmount amount)
    {
        var before = supportCase.AmountText();
        supportCase.Amount = amount.Value;
        supportCase.Currency = amount.Currency;
        supportCase.AmountFor = amount.PurposeText;
        if (before is not null && supportCase.RemedyWanted is { } wanted && wanted.Contains(before, StringComparison.Ordinal))
        {
            supportCase.RemedyWanted = wanted.Replace(before, supportCase.AmountText(), StringComparison.Ordinal);
        }

        // The answer to "how much was it?" in the brief says the amount as it now stands, never the one put right.
        var answered = supportCase.Answers.FindIndex(a => a.QuestionId == "amount" && before is not null && a.Answer.StartsWith(before, StringComparison.Ordinal));
        if (answered >= 0 && before != supportCase.AmountText())
        {
            var now = supportCase.AmountText() + (amount.PurposeText == OverchargeReader.Overcharge ? " overcharged" : string.Empty);
            supportCase.Answers[answered] = supportCase.Answers[answered] with { Answer = now };
        }
    }

    /// <summary>Whether <paramref name="text"/> puts a currency right without a figure ("pounds not dollars").</summary>
    public static bool CorrectsCurrency(string? text) => CorrectedCurrency(text) is not null;

    /// <summary>The currency <paramref name="text"/> puts right without a figure ("pounds not dollars": GBP), or null.</summary>
    private static string? CorrectedCurrency(string? text) =>
        !string.IsNullOrWhiteSpace(text) && !text.Any(char.IsAsciiDigit) && CurrencyOnly().Match(text) is { Success: true } said ? CurrencyOf(said.Groups["c"].Value) : null;

    /// <summary>The currency a correction names: "pounds", "£", "GBP".</summary>
    private static string? CurrencyOf(string said) => said.ToUpperInvariant() switch
    {
        "£" or "POUNDS" or "POUND" or "QUID" or "GBP" or "STERLING" => "GBP",
        "€" or "EUROS" or "EURO" or "EUR" => "EUR",
        "$" or "DOLLARS" or "DOLLAR" or "USD" or "BUCKS" => "USD",
        "CAD" => "CAD",
        "AUD" => "AUD",
        _ => null,
    };

    /// <summary>"Pounds not dollars", "its in GBP", "£ not $": a currency put right without a figure.</summary>
    [GeneratedRegex(@"(?:^|[\s,.(])(?:(?:it'?s|its|it\s+was|in|paid\s+in)\s+)?(?<c>£|€|\$|pounds?|quid|sterling|euros?|dollars?|bucks|gbp|usd|eur|cad|aud)(?:\s+(?:not|rather\s+than|instead\s+of)\s+(?:£|€|\$|pounds?|euros?|dollars?|gbp|usd|eur)(?!\w)|\s*(?:[.!,]|$))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CurrencyOnly();
}
