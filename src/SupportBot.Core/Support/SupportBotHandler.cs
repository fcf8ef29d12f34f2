using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// The bot's turn handler, which routes each activity: the desk's events (and a contact center's status) go to the
/// <see cref="HandoffHandler"/>, which may have the support dialog resume at the close, a call-back or a check-in;
/// a customer's message while their case waits for a colleague is acknowledged as added to it; other messages, and
/// a customer joining (a conversationUpdate with a member other than the bot), run the support dialog. Other
/// activity types are accepted and ignored.
/// </summary>
public sealed class SupportBotHandler : IBot
{
    private readonly SupportDialog _dialog;
    private readonly DialogSet _dialogs;
    private readonly HandoffHandler _handoff;

    public SupportBotHandler(SupportDialog dialog, SupportServices services, ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialog = dialog;
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>("dialogState")).Add(dialog);
        _handoff = new HandoffHandler(services.Handoff, services.Voice, services.Cases, services.Sentiment);
    }

    public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (_handoff.IsDeskEvent(activity))
        {
            var outcome = await _handoff.OnDeskEventAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (outcome.Next != AfterDeskEvent.Carry)
            {
                var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                if (outcome.Next != AfterDeskEvent.EndDialogs)
                {
                    await dc.BeginDialogAsync(_dialog.Id, outcome, cancellationToken).ConfigureAwait(false);
                }
            }

            return;
        }

        // Someone joined, or the bot itself was added to a one-to-one chat (Teams' personal install): greet them.
        var someoneJoined = activity.Type == ActivityTypes.ConversationUpdate
            && (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true
                || (activity.Conversation?.ConversationType == "personal" && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true));
        if (activity.Type != ActivityTypes.Message && !someoneJoined)
        {
            return;
        }

        var context = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // A handed-over case with no dialog under way (such as asking how to call back): the customer waits for a colleague.
        if (activity.Type == ActivityTypes.Message && context.Stack.Count == 0
            && await _handoff.OnMessageWhileWithColleagueAsync(turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var result = await context.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            await context.BeginDialogAsync(_dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
