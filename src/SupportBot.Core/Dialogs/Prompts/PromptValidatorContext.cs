using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>What a validator sees: the turn, what was recognized, the prompt's options and how many tries so far.</summary>
public sealed record PromptValidatorContext<T>(TurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);
