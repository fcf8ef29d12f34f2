using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;

namespace SupportBot.Core.Handoff;

/// <summary>No colleague can take the case now: the customer is told when the team is there and leaves a way to be called back.</summary>
public sealed class CallbackDialog : CaseDialog
{
    private readonly HandoffServices _handoff;

    public CallbackDialog(HandoffServices handoff, CaseVoice voice, CaseState cases, int maxAttempts)
        : base(nameof(CallbackDialog), voice, cases, maxAttempts)
    {
        _handoff = handoff;
        Steps(AskAsync, TakeAsync);
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.NoAgents, supportCase, ("hours", _handoff.NobodyFreeBecause())), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var contact = PiiMasker.Mask(step.Result as string ?? string.Empty).Trim();
        if (_handoff.Desk is { } desk)
        {
            await desk.UpdateAsync(supportCase.CaseId, c => c with { Status = CaseStatus.Callback, CallbackContact = contact }, cancellationToken).ConfigureAwait(false);
        }

        await Voice.SayAsync(step.Context, HandoffPrompts.CallbackTaken, supportCase, cancellationToken, ("contact", contact)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
