using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Peels the layers: "is anything else about this bothering you?", acknowledging and keeping each further issue,
/// up to <c>Support:MaxUnderlyingIssues</c>. Ends with a <see cref="HandoffRequest"/> when frustration keeps rising.
/// </summary>
public sealed class LayersDialog : CaseDialog
{
    private readonly SupportServices _services;

    public LayersDialog(SupportServices services)
        : base(nameof(LayersDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskAnythingElseAsync, RecordUnderlyingIssueAsync, RecordUnderlyingIssueAsync);
    }

    private async Task<DialogTurnResult> AskAnythingElseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (supportCase.UnderlyingIssues.Count >= _services.Options.MaxUnderlyingIssues)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var key = supportCase.UnderlyingIssues.Count == 0 ? SupportPrompts.AskAnythingElse : SupportPrompts.AskAnythingElseAgain;
        return await step.PromptAsync(Text, Voice.Ask(step.Context, key, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordUnderlyingIssueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string answer || ComplaintReader.MeansNothingElse(answer) || ConfirmPrompt.Recognize(answer) is false)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);

        // "As I said, the courier was rude" is the courier; "I already told you" alone is nothing new to keep.
        answer = AlreadyToldReader.Read(answer)?.Rest ?? answer;
        if (!ComplaintReader.IsMirrorable(answer))
        {
            // "yes" says there is more without saying what: ask for it. A bare "1" or "ok" is no issue to keep.
            return ComplaintReader.SaysYes(answer) && step.GetState<Asked>().TellMore++ == 0
                ? await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.TellMore, supportCase), cancellationToken).ConfigureAwait(false)
                : await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        supportCase.UnderlyingIssues.Add(PiiMasker.Mask(answer));
        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        await _services.ReadMoodAsync(supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.FrustrationRising), cancellationToken).ConfigureAwait(false);
        }

        await Voice.SayFreshAsync(step.Context, SupportPrompts.AcknowledgeLayer, supportCase, cancellationToken, ("issue", ComplaintReader.Mirror(answer))).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What this round already asked.</summary>
    private sealed class Asked
    {
        public int TellMore { get; set; }
    }
}
