using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs;

/// <summary>
/// A unit of conversation that can be begun, continued turn by turn, resumed when a child dialog ends, and ended.
/// Its state lives in its <see cref="DialogInstance"/> on the persisted stack, never in fields.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result that ends a turn with the dialog still waiting for input.</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialogId);
        Id = dialogId;
    }

    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called when the user sends an activity while this dialog is active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog ended and this one is active again. By default the dialog ends with that result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for what the dialog waits for.</summary>
    public virtual Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called as the dialog leaves the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(TurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}
