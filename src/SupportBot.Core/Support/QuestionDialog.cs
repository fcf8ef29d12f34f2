using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;

namespace SupportBot.Core.Support;

/// <summary>
/// A plain question, not a complaint: the bot does not put it through the complaint's questions and remedies, and
/// never guesses an answer it does not have. It offers honestly to pass the question to a colleague, who answers in
/// the same conversation; ends with a <see cref="HandoffRequest"/> when the customer wants that.
/// </summary>
public sealed class QuestionDialog : CaseDialog
{
    public QuestionDialog(SupportServices services)
        : base(nameof(QuestionDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        Steps(OfferColleagueAsync, AnsweredAsync);
    }

    private async Task<DialogTurnResult> OfferColleagueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(Confirm, Voice.Ask(step.Context, SupportPrompts.QuestionOffer, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        await Voice.SayAsync(step.Context, SupportPrompts.QuestionLeft, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
    }
}
