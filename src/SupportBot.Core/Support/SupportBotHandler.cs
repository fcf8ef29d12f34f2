using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Insight;
using SupportBot.Core.State;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// The bot's turn handler, which routes each activity: how an action went goes to the <see cref="FulfilmentHandler"/>,
/// which has the support dialog close the case once the last one is done; the desk's events (and a contact center's
/// status) go to the <see cref="HandoffHandler"/>, which may have the support dialog resume at the close, a call-back
/// or a check-in (a colleague's approval first queues the remedy's action); a customer's message while their case
/// waits for a colleague is acknowledged as added to it, and one while an action is under way hears where it
/// stands; other messages, and a customer joining (a conversationUpdate with a member other than the bot), run the
/// support dialog. Other activity types are accepted and ignored.
/// </summary>
public sealed class SupportBotHandler : IBot
{
    private readonly SupportDialog _dialog;
    private readonly DialogSet _dialogs;
    private readonly HandoffHandler _handoff;
    private readonly FulfilmentHandler _fulfilment;
    private readonly TurnFactsRecorder _facts;
    private readonly SupportServices _services;

    public SupportBotHandler(SupportDialog dialog, SupportServices services, ConversationState conversationState)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(conversationState);
        _dialog = dialog;
        _services = services;
        _dialogs = new DialogSet(conversationState.CreateProperty<DialogState>(DialogStateProperty)).Add(dialog);
        _facts = new TurnFactsRecorder(services.Cases, conversationState, dialog, DialogStateProperty);
        _handoff = new HandoffHandler(services.Handoff, services.Voice, services.Cases, services.Sentiment, (supportCase, question) =>
            KnownAnswer.From(question, services.Catalog.Remedies.GetValueOrDefault(supportCase.RemedyId ?? string.Empty), supportCase)
            ?? (services.Answer(question) is { } match ? services.AnswerText(match.Answer, supportCase) : null));
        _fulfilment = new FulfilmentHandler(services);
    }

    private const string DialogStateProperty = "dialogState";

    public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        await RouteAsync(turnContext, cancellationToken).ConfigureAwait(false);

        // Whatever the turn did, the dashboard's facts are committed with it.
        await _facts.RecordAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private async Task RouteAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (FulfilmentHandler.IsOutcome(activity))
        {
            var dc = await _dialogs.CreateContextAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (await _fulfilment.OnOutcomeAsync(turnContext, cancellationToken).ConfigureAwait(false) && dc.Stack.Count == 0)
            {
                await dc.BeginDialogAsync(_dialog.Id, new DeskEventOutcome(AfterDeskEvent.Close, new DeskEventValue()), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (_handoff.IsDeskEvent(activity))
        {
            var outcome = await _handoff.OnDeskEventAsync(turnContext, cancellationToken).ConfigureAwait(false);
            if (outcome is { Next: AfterDeskEvent.Close, Value.Decision: AgentDecision.Approved } && activity.Name == DeskEvents.Decision
                && await _fulfilment.QueueApprovedAsync(turnContext, outcome.Value.Remedy, cancellationToken).ConfigureAwait(false))
            {
                // The approved remedy is carried out first; the case closes once it is confirmed.
                outcome = outcome with { Next = AfterDeskEvent.EndDialogs };
            }

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
            && (await _fulfilment.ChangeWhileWithColleagueAsync(turnContext, cancellationToken).ConfigureAwait(false)
                || await _handoff.OnMessageWhileWithColleagueAsync(turnContext, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        // An action under way and nothing else going on: they hear where it stands, or get a colleague when they ask.
        if (activity.Type == ActivityTypes.Message && context.Stack.Count == 0)
        {
            switch (await _fulfilment.OnMessageWhilePendingAsync(turnContext, cancellationToken).ConfigureAwait(false))
            {
                case FulfilmentHandler.WhilePending.Answered:
                    return;
                case FulfilmentHandler.WhilePending.WantsPerson:
                    await context.BeginDialogAsync(_dialog.Id, new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
                    return;
                case FulfilmentHandler.WhilePending.AmountCorrected:
                    await context.BeginDialogAsync(_dialog.Id, new HandoffRequest(HandoffReason.AmountCorrected, Review: false), cancellationToken).ConfigureAwait(false);
                    return;
                case FulfilmentHandler.WhilePending.RemedyChanged:
                    await context.BeginDialogAsync(_dialog.Id, new HandoffRequest(HandoffReason.RemedyChanged, Review: false), cancellationToken).ConfigureAwait(false);
                    return;
                case FulfilmentHandler.WhilePending.RemedyUnwanted:
                    await context.BeginDialogAsync(_dialog.Id, new HandoffRequest(HandoffReason.RemedyUnwanted, Review: false), cancellationToken).ConfigureAwait(false);
                    return;
            }
        }

        var result = await context.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.Status == DialogTurnStatus.Empty)
        {
            // "Thanks" or "bye" once the conversation is over (the case sorted, a question answered or let go): a
            // goodbye back, never a new case.
            if (activity.Type == ActivityTypes.Message && OnlyThanksOrBye(activity.Text)
                && await _services.Cases.CaseOrNullAsync(turnContext, cancellationToken).ConfigureAwait(false) is { WithColleague: false } closed)
            {
                await _services.Voice.SayFreshAsync(turnContext, SupportPrompts.YouAreWelcome, closed, cancellationToken).ConfigureAwait(false);
                return;
            }

            await context.BeginDialogAsync(_dialog.Id, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool OnlyThanksOrBye(string? text) =>
        ChoiceRecognizer.HasAtMostWords(text, 6)
        && (_services.Reader?.Read(text ?? string.Empty) is { Kind: MessageKind.Thanks } || KindRules.SignsOff(text));
}
