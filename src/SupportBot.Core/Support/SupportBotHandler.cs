using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// The bot's turn handler: messages run the support dialog; a customer joining (conversationUpdate with a member
/// other than the bot) starts it with a greeting; other activity types are accepted and ignored.
/// </summary>
public sealed class SupportBotHandler : IBot
{
    private readonly SupportDialog _dialog;
    private readonly StatePropertyAccessor<DialogState> _dialogState;

    public SupportBotHandler(SupportDialog dialog, ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialog = dialog;
        _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
    }

    public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var someoneJoined = activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
        if (activity.Type == ActivityTypes.Message || someoneJoined)
        {
            await _dialog.RunAsync(turnContext, _dialogState, cancellationToken).ConfigureAwait(false);
        }
    }
}
