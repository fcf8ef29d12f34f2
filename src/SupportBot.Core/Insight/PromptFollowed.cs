namespace SupportBot.Core.Insight;

/// <summary>What followed a shown prompt on the customer's next turn, and how their feeling moved (negative: calmer), when it was read.</summary>
public sealed record PromptFollowed(ShownPrompt Prompt, string Outcome, int? FeelingChange);
