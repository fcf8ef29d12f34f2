using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Handoff;

/// <summary>No colleague can take the case now: the customer is told when the team is there and leaves a way to be called back.</summary>
public sealed class CallbackDialog : ComponentDialog
{
    private const string Steps = "callback.steps";
    private const string Text = nameof(TextPrompt);
    private readonly HandoffServices _handoff;
    private readonly CaseVoice _voice;
    private readonly CaseState _cases;

    public CallbackDialog(HandoffServices handoff, CaseVoice voice, CaseState cases)
        : base(nameof(CallbackDialog))
    {
        _handoff = handoff;
        _voice = voice;
        _cases = cases;
        AddDialog(new WaterfallDialog(Steps, [AskAsync, TakeAsync]));
        AddDialog(new TextPrompt(Text));
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await _cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(Text, _voice.Ask(step.Context, HandoffPrompts.NoAgents, supportCase, ("hours", _handoff.OpeningHours)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await _cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var contact = PiiMasker.Mask(step.Result as string ?? string.Empty).Trim();
        if (_handoff.Desk is { } desk)
        {
            await desk.UpdateAsync(supportCase.CaseId, c => c with { Status = CaseStatus.Callback, CallbackContact = contact }, cancellationToken).ConfigureAwait(false);
        }

        await _voice.SayAsync(step.Context, HandoffPrompts.CallbackTaken, supportCase, cancellationToken, ("contact", contact)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}
