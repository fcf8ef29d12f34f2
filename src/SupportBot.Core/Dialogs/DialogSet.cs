using SupportBot.Core.Bot;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs;

/// <summary>The dialogs that can be begun by id, and the state property their stack is kept in.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly StatePropertyAccessor<DialogState>? _dialogState;

    /// <summary>A set whose stack persists in <paramref name="dialogState"/>.</summary>
    public DialogSet(StatePropertyAccessor<DialogState> dialogState) => _dialogState = dialogState;

    /// <summary>A set with no state of its own (a component's inner set).</summary>
    public DialogSet()
    {
    }

    /// <summary>Adds a dialog; ids must be unique within the set.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        }

        return this;
    }

    /// <summary>The dialog with that id, or null.</summary>
    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>A dialog context over the turn's persisted stack.</summary>
    public async Task<DialogContext> CreateContextAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        if (_dialogState is null)
        {
            throw new InvalidOperationException("This dialog set was created without a state property; it can only be used inside a component.");
        }

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken).ConfigureAwait(false);
        return new DialogContext(this, turnContext, state);
    }
}
