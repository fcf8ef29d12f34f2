namespace SupportBot.Core.PromptFiles;

/// <summary>
/// A prompt key the code uses, the variables its wording may use, and the value each variable falls back to when
/// the conversation has none (so a customer never reads a raw <c>{name}</c>).
/// </summary>
public sealed record PromptDefinition(string Key, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>
    /// True when a <c>greeting.</c> or <c>closing.</c> prompt that allows <c>{name}</c> may still leave it out, e.g.
    /// a line shown before the customer has said who they are. Off by default: the craft rules
    /// (<see cref="PromptCraftRules"/>) require the customer's name in every greeting and closing variant.
    /// </summary>
    public bool NameOptional { get; init; }

    /// <summary>
    /// True for wording said only once an action is confirmed done (the business system answered, called back, or a
    /// colleague marked it done): only such prompts may say it is done (<see cref="CompletionClaims"/>).
    /// </summary>
    public bool ConfirmedOutcome { get; init; }

    /// <summary>A definition whose variables all fall back to an empty string unless listed with a fallback.</summary>
    public static PromptDefinition Of(string key, params string[] variables) =>
        new(key, variables.ToDictionary(v => v, v => PromptCatalog.DefaultFallback(v), StringComparer.Ordinal));
}
