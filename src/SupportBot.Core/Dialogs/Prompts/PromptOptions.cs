using SupportBot.Core.Activities;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>What a prompt asks, what it says when the answer is not understood, and the choices it offers.</summary>
public sealed record PromptOptions
{
    public Activity? Prompt { get; init; }

    public Activity? RetryPrompt { get; init; }

    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>Free data for a validator (e.g. a range).</summary>
    public System.Text.Json.Nodes.JsonNode? Validations { get; init; }
}
