namespace SupportBot.Core.Understanding;

/// <summary>How <see cref="LocalMessageReader"/> is trained and when it is sure.</summary>
public sealed record MessageReaderSettings
{
    /// <summary>The default of <see cref="ConfidenceThreshold"/>, also the default of the <c>Understanding</c> setting.</summary>
    public const double DefaultConfidenceThreshold = 0.3;

    /// <summary>
    /// The category probability below which the bot asks rather than guesses. Cross-validated on labeled customer
    /// messages, readings at or above 0.3 are right 91% of the time and cover about two thirds of first messages.
    /// </summary>
    public double ConfidenceThreshold { get; init; } = DefaultConfidenceThreshold;

    /// <summary>Each category's keywords from <c>categories.yaml</c>; they become features beside the words.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// The category model's training settings: strong shrinkage, so no single word or spelling decides a category
    /// (chosen by 10-fold cross-validation on labeled customer messages, see README "Understanding").
    /// </summary>
    public LinearModelSettings Categories { get; init; } = new() { Epochs = 30, LearningRate = 1.0, L2 = 3e-2 };

    /// <summary>The kind model's training settings (chosen the same way).</summary>
    public LinearModelSettings Kinds { get; init; } = new() { Epochs = 30, L2 = 3e-3 };
}
