using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The check-in after a resolved case (begun with the <c>followup.due</c> event's value): did the fix hold? If it
/// did, the bot is glad; if not, the dialog ends asking for a colleague, and the case reopens with its whole brief.
/// </summary>
public sealed class CheckInDialog : CaseDialog
{
    public CheckInDialog(CaseVoice voice, CaseState cases, int maxAttempts)
        : base(nameof(CheckInDialog), voice, cases, maxAttempts)
    {
        Steps(AskAsync, AnsweredAsync);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var followUp = step.GetOptions<DeskEventValue>() ?? new DeskEventValue();
        var supportCase = followUp.Case;
        if (supportCase is null)
        {
            var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
            supportCase = SupportCase.Open(step.Context.Activity, followUp.CaseId ?? string.Empty, step.Context.TimeProvider.GetUtcNow());
            supportCase.Name(profile.Name ?? step.Context.Activity.From?.Name);
        }

        await Cases.SetCaseAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        var prompt = Voice.Ask(step.Context, HandoffPrompts.FollowUpAsk, supportCase, ("issue", followUp.Text ?? "your case"), ("remedy", followUp.Remedy ?? "the fix"));
        return await step.PromptAsync(Confirm, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotResolved), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        await Voice.SayAsync(step.Context, HandoffPrompts.FollowUpGlad, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
