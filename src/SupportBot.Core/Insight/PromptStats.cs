namespace SupportBot.Core.Insight;

/// <summary>
/// How one prompt variant did: how often it was shown, what followed on the customer's next turn, and how their
/// feeling moved (average change in heat; negative is calmer), with how many turns were calmer or hotter.
/// </summary>
public sealed record PromptStats(string Key, string Variant, long Shown, long Answered, long Retried, long Left, long Person, double? FeelingChange, long Calmer, long Hotter);
