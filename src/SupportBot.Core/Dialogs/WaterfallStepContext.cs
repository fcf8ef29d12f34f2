using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs;

/// <summary>What a waterfall step sees: the turn, the previous step's result, the dialog's options and typed state.</summary>
public sealed class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly DialogInstance _instance;
    private readonly JsonNode? _options;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, JsonNode? options)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        _instance = instance;
        Index = index;
        Reason = reason;
        Result = result;
        _options = options;
    }

    public DialogContext DialogContext { get; }

    public TurnContext Context => DialogContext.Context;

    /// <summary>This step's position in the waterfall, from 0.</summary>
    public int Index { get; }

    /// <summary>Why this step runs (begun, continued after user input, or after a child dialog ended).</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's outcome: a prompt's recognized value, a child dialog's result, or the user's text.</summary>
    public object? Result { get; }

    /// <summary>The waterfall's typed values, persisted with the dialog stack across turns and restarts.</summary>
    public T GetState<T>() where T : class, new() => WaterfallDialog.GetValues<T>(_instance);

    /// <summary>The options the waterfall was begun with, as <typeparamref name="T"/>.</summary>
    public T? GetOptions<T>() where T : class => _options?.Deserialize<T>(StateJson.Options);

    /// <summary>Begins a prompt; its result becomes the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        DialogContext.PromptAsync(dialogId, options, cancellationToken);

    /// <summary>Begins a child dialog; its result becomes the next step's <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Skips to the next step now, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        return _waterfall.RunStepAsync(DialogContext, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>Ends the waterfall with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    /// <summary>Ends the waterfall and begins another dialog in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, object? options, CancellationToken cancellationToken) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Ends every dialog on the stack.</summary>
    public Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken) =>
        DialogContext.CancelAllDialogsAsync(cancellationToken);
}
