using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>, offered as suggested actions.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override Activity Decorate(Activity prompt, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return WithChoices(prompt, options.Choices);
    }

    /// <summary><paramref name="activity"/> with <paramref name="choices"/> as its buttons (suggested actions), as the prompt shows them.</summary>
    public static Activity WithChoices(Activity activity, IReadOnlyList<Choice>? choices)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return choices is not { Count: > 0 } ? activity : activity with
        {
            SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => CardAction.ImBack(c.Title ?? c.Value))] },
        };
    }

    /// <summary>
    /// The same question and buttons again, after a validator heard something else the user said instead; false, so
    /// the prompt waits on for a choice.
    /// </summary>
    public static async Task<bool> AskAgainAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Options.Prompt is { } again)
        {
            await prompt.Context.SendActivityAsync(WithChoices(again, prompt.Options.Choices), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : new PromptRecognizerResult<FoundChoice>(true, found));
    }
}
