namespace SupportBot.Core.Understanding;

/// <summary>
/// How a message reads: its kind, its most likely category with a probability, the runner-up, and whether the
/// customer asks for a person. Below <see cref="ConfidenceThreshold"/> the bot should ask rather than guess, offering
/// <see cref="TopCategories"/> first.
/// </summary>
public sealed record MessageReading
{
    /// <summary>Complaint, question, request, greeting, thanks or unclear.</summary>
    public required MessageKind Kind { get; init; }

    /// <summary>The most likely category id (from the catalog, e.g. <c>delivery</c>).</summary>
    public required string Category { get; init; }

    /// <summary>The probability of <see cref="Category"/>, from 0 to 1.</summary>
    public required double Confidence { get; init; }

    /// <summary>The two most likely categories, best first, with their probabilities.</summary>
    public required IReadOnlyList<CategoryScore> TopCategories { get; init; }

    /// <summary>The probability below which the category is a guess the bot should confirm.</summary>
    public required double ConfidenceThreshold { get; init; }

    /// <summary>Whether the customer asks for a person, a call, a manager or a DM from staff, or says the bot is no use.</summary>
    public required bool WantsPerson { get; init; }

    /// <summary>True when <see cref="Confidence"/> reaches <see cref="ConfidenceThreshold"/>.</summary>
    public bool IsConfident => Confidence >= ConfidenceThreshold;
}
