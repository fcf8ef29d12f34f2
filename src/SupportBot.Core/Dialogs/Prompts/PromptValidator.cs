namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Decides whether a recognized answer is acceptable; it may send its own explanation before the retry.</summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
