namespace SupportBot.Core.Cases;

/// <summary>A clarifying question and the customer's answer (or the words that already answered it).</summary>
public sealed record ClarifyingAnswer(string QuestionId, string Question, string Answer)
{
    /// <summary>
    /// The answer kept when the customer said they had already given it and the bot could not find it: the question
    /// is not asked again, the colleague knows to check, and the customer's brief does not list it.
    /// </summary>
    public const string NotFound = "said it was given earlier; not found in what they wrote";

    /// <summary>
    /// The customer's whole reply when <see cref="Answer"/> keeps only the value in it ("4471-2231" from "the lamp,
    /// order 4471-2231"), so whatever else it says still answers other questions; null when they are the same.
    /// </summary>
    public string? Words { get; init; }
}
