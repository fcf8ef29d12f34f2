using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// The bot's turn handler: messages run the support dialog; a customer joining (conversationUpdate with a member
/// other than the bot) starts it with a greeting. Once a case is with a person, further messages are acknowledged
/// as added to the case rather than starting over. Other activity types are accepted and ignored.
/// </summary>
public sealed class SupportBotHandler : IBot
{
    private readonly SupportDialog _dialog;
    private readonly SupportServices _services;
    private readonly StatePropertyAccessor<DialogState> _dialogState;

    public SupportBotHandler(SupportDialog dialog, SupportServices services, ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialog = dialog;
        _services = services;
        _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
    }

    public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        // Someone joined, or the bot itself was added to a one-to-one chat (Teams' personal install): greet them.
        var someoneJoined = activity.Type == ActivityTypes.ConversationUpdate
            && (activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true
                || (activity.Conversation?.ConversationType == "personal" && activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true));
        var deskEvent = activity.Type == ActivityTypes.Event && (activity.CallerId == Handoff.DeskEvents.CallerId || activity.Name == Handoff.DeskEvents.HandoffStatus);
        if (activity.Type != ActivityTypes.Message && !someoneJoined && !deskEvent)
        {
            return;
        }

        // A handed-over case with no dialog under way (such as asking how to call back): the customer waits for a colleague.
        if (activity.Type == ActivityTypes.Message
            && await _services.Handoffs.GetOrNullAsync(turnContext, cancellationToken).ConfigureAwait(false) is { } handedOver
            && (await _dialogState.GetOrNullAsync(turnContext, cancellationToken).ConfigureAwait(false))?.DialogStack is not { Count: > 0 })
        {
            // With a colleague in the conversation, the customer talks to them: the bot keeps quiet.
            if (await _services.HandoffAgent.GetOrNullAsync(turnContext, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            var profile = await _services.ProfileAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var name = profile.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
            var text = _services.Prompts.Current.Render(SupportPrompts.HandoffWaiting, new Dictionary<string, string?> { ["name"] = name }, seed: handedOver.CaseId).Text;
            await turnContext.SendActivityAsync(text, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _dialog.RunAsync(turnContext, _dialogState, cancellationToken).ConfigureAwait(false);
    }
}
