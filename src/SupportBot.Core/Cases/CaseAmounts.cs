using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Cases;

/// <summary>
/// Keeps the money a customer mentions in their case, with its currency: the amount of the thing the case is about
/// (what a refund would be for), and apart from it any delivery fee or other charge, which is never mistaken for it.
/// A correction ("No, the lamp cost 89 pounds") replaces the amount.
/// </summary>
public static class CaseAmounts
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

        // Most answers hold no money at all: only those that do are read for a correction (which reads every kind of value).
        var amounts = MoneyReader.Read(text, defaultCurrency);
        if (amounts.Count == 0)
        {
            return null;
        }

        // A correction needs something said before it: the complaint itself is never one.
        var saidBefore = supportCase.Answers.Count > 0 || supportCase.UnderlyingIssues.Count > 0 || supportCase.RemedyWanted is not null;
        if (saidBefore && CorrectionReader.Read(text, now, defaultCurrency) is { Amount: { } corrected } && !IsSideCharge(corrected))
        {
            Set(supportCase, corrected);
            return supportCase.AmountText();
        }

        foreach (var amount in amounts)
        {
            if (IsSideCharge(amount))
            {
                var side = $"{amount} {amount.PurposeText ?? "fee"}";
                if (!supportCase.OtherAmounts.Contains(side))
                {
                    supportCase.OtherAmounts.Add(side);
                }
            }
            else if (supportCase.Amount is null)
            {
                Set(supportCase, amount);
            }
        }

        return null;
    }

    private static bool IsSideCharge(MoneyAmount amount) => amount.Purpose is MoneyPurpose.Delivery or MoneyPurpose.Fee;

    private static void Set(SupportCase supportCase, MoneyAmount amount)
    {
        supportCase.Amount = amount.Value;
        supportCase.Currency = amount.Currency;
        supportCase.AmountFor = amount.PurposeText;
    }
}
