using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Cases;

/// <summary>
/// When it happened, corrected when the customer puts it right ("no, it was 3 days ago not 2"), at whatever point of
/// the conversation they do: the answer to "when did this happen?" becomes the day they give now.
/// </summary>
public static class CaseWhen
{
    /// <summary>The prompt that says what a correction changed (variables: name, when).</summary>
    public const string CorrectedPrompt = "corrections.when";

    /// <summary>The clarifying question the answer is kept under (its wording is the catalog's).</summary>
    private const string Question = "when", QuestionKey = "questions." + Question;

    /// <summary>
    /// Replaces when it happened with the time <paramref name="correction"/> gives, and returns it as the customer wrote
    /// it; null when the correction gives no time, or the same one the case has.
    /// </summary>
    public static string? Correct(SupportCase supportCase, Correction? correction, string? text, CaseVoice voice)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(voice);
        if (correction is not { Date: { } date } || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // "on the 3rd" is said back "the 3rd": "I've changed when it happened to the 3rd".
        var value = date.Text.Trim() is var told && told.StartsWith("on ", StringComparison.OrdinalIgnoreCase) && told.Length > 3 ? told[3..].TrimStart() : date.Text.Trim();
        var at = supportCase.Answers.FindIndex(a => a.QuestionId == Question);
        if (at >= 0 && string.Equals(supportCase.Answers[at].Answer, value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var answer = new ClarifyingAnswer(Question, voice.Wording(QuestionKey) ?? Question, PiiMasker.Mask(value)) { Words = PiiMasker.Mask(text.Trim()) };
        if (at >= 0)
        {
            supportCase.Answers[at] = answer;
        }
        else
        {
            supportCase.Answers.Add(answer);
        }

        return value;
    }
}
