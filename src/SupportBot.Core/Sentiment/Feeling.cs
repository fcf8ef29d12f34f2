namespace SupportBot.Core.Sentiment;

/// <summary>How the customer feels, in the bands a support agent would use.</summary>
public enum Feeling
{
    /// <summary>Neutral, polite, factual.</summary>
    Calm,

    /// <summary>A bit annoyed, disappointed, worried or inconvenienced.</summary>
    Mild,

    /// <summary>Clearly frustrated or angry.</summary>
    Upset,

    /// <summary>Rage, swearing, shouting, threats to leave.</summary>
    Furious,

    /// <summary>Happy, thankful, praising.</summary>
    Positive,
}
