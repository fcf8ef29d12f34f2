using SupportBot.Core.Activities;
using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>Asks the user to pick one of <see cref="PromptOptions.Choices"/>, offered as suggested actions.</summary>
public sealed class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(dialogId, validator)
{
    protected override Task OnPromptAsync(TurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (activity is null)
        {
            return Task.CompletedTask;
        }

        var choices = options.Choices ?? [];
        return turnContext.SendActivityAsync(activity with
        {
            InputHint = InputHints.ExpectingInput,
            SuggestedActions = choices.Count == 0 ? activity.SuggestedActions : new SuggestedActions
            {
                Actions = [.. choices.Select(c => CardAction.ImBack(c.Title ?? c.Value))],
            },
        }, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : new PromptRecognizerResult<FoundChoice>(true, found));
    }
}
