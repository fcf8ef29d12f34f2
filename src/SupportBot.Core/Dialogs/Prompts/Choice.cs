namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>An option of a <see cref="ChoicePrompt"/>: its value (also its button title) and other words that pick it.</summary>
public sealed record Choice(string Value)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The button's title when it differs from the value.</summary>
    public string? Title { get; init; }
}
