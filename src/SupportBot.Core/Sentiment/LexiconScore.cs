namespace SupportBot.Core.Sentiment;

/// <summary>
/// How the lexicon reads a text: VADER's label, scores and compound, the intensity, the support lexicon's emotions
/// and target, and what the trained model reads besides: how negative its negative words are, in sum and at most,
/// whether it is a complaint, and whether praise in it was sarcasm.
/// </summary>
internal sealed record LexiconScore(SentimentLabel Label, SentimentScores Scores, double Compound, double Intensity, IReadOnlyList<EmotionTag> Emotions, string? Target)
{
    public static LexiconScore Empty { get; } = new(SentimentLabel.Neutral, new SentimentScores(0, 1, 0), 0, 0, [], null);

    /// <summary>The sum of the negative words' valences (0 or less; -2 is one clearly negative word).</summary>
    public double NegativeSum { get; init; }

    /// <summary>The most negative word's valence (0 or less).</summary>
    public double MostNegative { get; init; }

    /// <summary>True when the text complains, by its support phrases or its signals.</summary>
    public bool Complaint { get; init; }

    /// <summary>True when praise or politeness in a complaint was read as sarcasm and counted for nothing.</summary>
    public bool Sarcastic { get; init; }

    /// <summary>True when the writer says they are furious ("I'm livid", "absolutely fuming"), not negated.</summary>
    public bool Rage { get; init; }

    /// <summary>True when the text is only framing ("hi", "please", "hello there"): nothing in it tells how its writer feels.</summary>
    public bool Framing { get; init; }
}
