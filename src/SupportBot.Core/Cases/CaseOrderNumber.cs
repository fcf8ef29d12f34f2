using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Cases;

/// <summary>
/// The order number on a case, corrected when the customer puts it right ("no wait, the order number is 55120 not
/// 55210"), at whatever point of the conversation they do.
/// </summary>
public static class CaseOrderNumber
{
    /// <summary>The prompt that says what a correction changed (variables: name, order).</summary>
    public const string CorrectedPrompt = "corrections.order_number";

    /// <summary>
    /// Replaces the case's order number with the one <paramref name="text"/> corrects it to, and returns it (masked as
    /// stored); null when the text corrects no order number or the case has none to correct.
    /// </summary>
    public static string? Correct(SupportCase supportCase, string? text, DateTimeOffset now, string currency) =>
        Correct(supportCase, CorrectionReader.Read(text, now, currency), text);

    /// <summary>Like <see cref="Correct(SupportCase, string?, DateTimeOffset, string)"/>, with the correction already read.</summary>
    public static string? Correct(SupportCase supportCase, Correction? correction, string? text)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (correction is not { OrderNumber: { } order } || string.IsNullOrWhiteSpace(text)
            || supportCase.Answers.FindIndex(a => a.QuestionId == "order_number" && !a.SaysNothing) is not (var at and >= 0))
        {
            return null;
        }

        var value = PiiMasker.Mask(order.Value);
        supportCase.Answers[at] = supportCase.Answers[at] with { Answer = value, Words = PiiMasker.Mask(text) };
        return value;
    }
}
