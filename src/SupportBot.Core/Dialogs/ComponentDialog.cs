using SupportBot.Core.Bot;

namespace SupportBot.Core.Dialogs;

/// <summary>
/// A dialog made of dialogs: its own set and an inner stack kept in its instance. Override
/// <see cref="OnContinueDialogAsync"/> to handle interruptions ("help", "start over") before the inner dialog sees the turn.
/// </summary>
public class ComponentDialog : Dialog
{
    private readonly DialogSet _dialogs = new();

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The inner dialog begun when the component begins; the first one added, unless set.</summary>
    public string? InitialDialogId { get; set; }

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>Finds an inner dialog by id.</summary>
    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var result = await OnBeginDialogAsync(inner, options, cancellationToken).ConfigureAwait(false);
        return await EndIfInnerFinishedAsync(dc, result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateInnerContext(dc, dc.ActiveDialog!);
        var result = await OnContinueDialogAsync(inner, cancellationToken).ConfigureAwait(false);
        return await EndIfInnerFinishedAsync(dc, result, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);

        // A dialog the component's parent pushed on top of it has ended: ask again what the inner dialog waits for.
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return new DialogContext(_dialogs, turnContext, instance.Children ??= new DialogState()).RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(TurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled && instance.Children is { } children)
        {
            await new DialogContext(_dialogs, turnContext, children).CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Begins the initial inner dialog.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken);
    }

    /// <summary>Continues the inner dialog; override to intercept the turn first (interruptions).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    private DialogContext CreateInnerContext(DialogContext outer, DialogInstance instance) =>
        new(_dialogs, outer.Context, instance.Children ??= new DialogState(), outer);

    private static async Task<DialogTurnResult> EndIfInnerFinishedAsync(DialogContext outer, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status switch
        {
            DialogTurnStatus.Complete => await outer.EndDialogAsync(inner.Result, cancellationToken).ConfigureAwait(false),
            DialogTurnStatus.Cancelled or DialogTurnStatus.Empty => await outer.EndDialogAsync(null, cancellationToken).ConfigureAwait(false),
            _ => EndOfTurn,
        };
}
