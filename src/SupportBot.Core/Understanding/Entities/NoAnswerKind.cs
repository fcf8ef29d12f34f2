namespace SupportBot.Core.Understanding.Entities;

/// <summary>Why an answer gives nothing.</summary>
public enum NoAnswerKind
{
    /// <summary>There is one, but the customer does not know it or has not got it to hand ("I don't know",
    /// "it's somewhere in my email", "I can't find it").</summary>
    Unknown,

    /// <summary>There is none to give ("there isn't one", "I don't have one", "n/a", "no order").</summary>
    None,
}
