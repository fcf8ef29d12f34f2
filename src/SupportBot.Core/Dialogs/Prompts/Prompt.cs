using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>
/// Asks for one value: sends the prompt, recognizes the answer, runs the validator, re-asks with the retry prompt,
/// and after <see cref="MaxAttempts"/> failed tries ends with <see cref="PromptGaveUp"/> instead of looping forever.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    private const string OptionsKey = "options";
    private const string AttemptsKey = "attemptCount";
    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator)
        : base(dialogId) => _validator = validator;

    /// <summary>How many answers are tried before the prompt gives up; 3 unless set.</summary>
    public int MaxAttempts { get; init; } = 3;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions ?? throw new ArgumentException($"Prompt '{Id}' must be begun with PromptOptions.", nameof(options));
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = JsonSerializer.SerializeToNode(promptOptions, StateJson.Options);
        state[AttemptsKey] = 0;
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var state = dc.ActiveDialog!.State;
        var options = ReadOptions(state);
        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        var attempts = (state[AttemptsKey]?.GetValue<int>() ?? 0) + 1;
        state[AttemptsKey] = attempts;
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken).ConfigureAwait(false);
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }

        if (attempts >= MaxAttempts)
        {
            return await dc.EndDialogAsync(new PromptGaveUp(Id, attempts, dc.Context.Activity.Text), cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return OnPromptAsync(turnContext, ReadOptions(instance.State), isRetry: false, cancellationToken);
    }

    /// <summary>Sends the prompt (or the retry prompt, falling back to the prompt), as <see cref="Decorate"/> shapes it.</summary>
    protected virtual Task OnPromptAsync(TurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null
            ? Task.CompletedTask
            : turnContext.SendActivityAsync(Decorate(activity with { InputHint = activity.InputHint ?? InputHints.ExpectingInput }, options), cancellationToken);
    }

    /// <summary>Adds what this kind of prompt shows with its question, such as buttons for the choices.</summary>
    protected virtual Activity Decorate(Activity prompt, PromptOptions options) => prompt;

    /// <summary>Turns the user's activity into a value of <typeparamref name="T"/>.</summary>
    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    private static PromptOptions ReadOptions(JsonObject state) =>
        state[OptionsKey]?.Deserialize<PromptOptions>(StateJson.Options) ?? new PromptOptions();
}
