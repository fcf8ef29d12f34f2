using SupportBot.Core.Bot;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs;

/// <summary>Running a root dialog from a bot's turn handler.</summary>
public static class DialogExtensions
{
    /// <summary>Continues the active dialog, or begins <paramref name="dialog"/> when the stack is empty (as Bot Framework's RunAsync).</summary>
    public static async Task<DialogTurnResult> RunAsync(this Dialog dialog, TurnContext turnContext, StatePropertyAccessor<DialogState> dialogState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        var dialogSet = new DialogSet(dialogState).Add(dialog);
        var dc = await dialogSet.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        return result.Status == DialogTurnStatus.Empty
            ? await dc.BeginDialogAsync(dialog.Id, null, cancellationToken).ConfigureAwait(false)
            : result;
    }
}
