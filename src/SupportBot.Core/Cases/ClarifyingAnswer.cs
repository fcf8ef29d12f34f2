namespace SupportBot.Core.Cases;

/// <summary>A clarifying question and the customer's answer (or the words that already answered it).</summary>
public sealed record ClarifyingAnswer(string QuestionId, string Question, string Answer)
{
    /// <summary>
    /// The answer kept when the customer said they had already given it and the bot could not find it: the question
    /// is not asked again, the colleague knows to check, and the customer's brief does not list it.
    /// </summary>
    public const string NotFound = "said it was given earlier; not found in what they wrote";

    /// <summary>The answer kept when the customer said they don't know ("I don't know", "no idea").</summary>
    public const string NotKnown = "not known";

    /// <summary>The answer kept when the customer would rather not answer ("skip", "just fix it", a second "why?").</summary>
    public const string Declined = "not given: the customer would rather not say";

    /// <summary>The answer kept when, asked twice, the customer's replies held no answer to the question.</summary>
    public const string NotGiven = "not given: asked twice, the replies held no answer";

    /// <summary>
    /// The customer's whole reply when <see cref="Answer"/> keeps only the value in it ("4471-2231" from "the lamp,
    /// order 4471-2231"), so whatever else it says still answers other questions; null when they are the same.
    /// </summary>
    public string? Words { get; init; }

    /// <summary>True when nothing the customer said was kept: the answer is one of the notes above, not their words.</summary>
    public bool SaysNothing => Words is null && Answer is NotFound or NotKnown or Declined or NotGiven;
}
