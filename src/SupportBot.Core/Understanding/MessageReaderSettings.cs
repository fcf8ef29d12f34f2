namespace SupportBot.Core.Understanding;

/// <summary>How <see cref="LocalMessageReader"/> is trained and when it is sure.</summary>
public sealed record MessageReaderSettings
{
    /// <summary>The category probability below which the bot asks rather than guesses.</summary>
    public double ConfidenceThreshold { get; init; } = 0.5;

    /// <summary>Each category's keywords from <c>categories.yaml</c>; they become features beside the words.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The category model's training settings.</summary>
    public LinearModelSettings Categories { get; init; } = new();

    /// <summary>The kind model's training settings.</summary>
    public LinearModelSettings Kinds { get; init; } = new();
}
