using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The check-in after a resolved case (begun with the <c>followup.due</c> event's value): did the fix hold? If it
/// did, the bot is glad; if not, the dialog ends asking for a colleague, and the case reopens with its whole brief.
/// </summary>
public sealed class CheckInDialog : ComponentDialog
{
    private const string Steps = "checkin.steps";
    private const string Confirm = nameof(ConfirmPrompt);
    private readonly CaseVoice _voice;
    private readonly CaseState _cases;

    public CheckInDialog(CaseVoice voice, CaseState cases, int maxAttempts)
        : base(nameof(CheckInDialog))
    {
        _voice = voice;
        _cases = cases;
        AddDialog(new WaterfallDialog(Steps, [AskAsync, AnsweredAsync]));
        AddDialog(new ConfirmPrompt(Confirm) { MaxAttempts = maxAttempts });
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var followUp = step.GetOptions<DeskEventValue>() ?? new DeskEventValue();
        var supportCase = followUp.Case;
        if (supportCase is null)
        {
            var profile = await _cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
            supportCase = SupportCase.Open(step.Context.Activity, followUp.CaseId ?? string.Empty, step.Context.TimeProvider.GetUtcNow());
            supportCase.Name(profile.Name ?? step.Context.Activity.From?.Name);
        }

        await _cases.SetCaseAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        var prompt = _voice.Ask(step.Context, HandoffPrompts.FollowUpAsk, supportCase, ("issue", followUp.Text ?? "your case"), ("remedy", followUp.Remedy ?? "the fix"));
        return await step.PromptAsync(Confirm, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AnsweredAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotResolved), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await _cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await _voice.SayAsync(step.Context, HandoffPrompts.FollowUpGlad, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
