using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// The category's clarifying questions, one at a time, skipping any the customer already answered in what they
/// wrote; each answer is kept for the brief. Ends with a <see cref="HandoffRequest"/> when frustration keeps rising.
/// </summary>
public sealed class ClarifyDialog : CaseDialog
{
    private readonly SupportServices _services;

    public ClarifyDialog(SupportServices services)
        : base(nameof(ClarifyDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AskNextQuestionAsync, RecordAnswerAsync, RecordAnswerAsync);
    }

    private async Task<DialogTurnResult> AskNextQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var category = _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        foreach (var question in category.Questions.Where(q => supportCase.Answers.All(a => a.QuestionId != q)))
        {
            // Already answered in something the customer said: keep those words as the answer, never ask again.
            if (supportCase.Said().FirstOrDefault(text => ComplaintReader.Answers(question, text)) is { } answered)
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(answered)));
                continue;
            }

            step.GetState<PendingQuestion>().Id = question;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Question(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> RecordAnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not string answer)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var pending = step.GetState<PendingQuestion>();
        var question = pending.Id ?? string.Empty;
        if (question == "order_number" && OrderNumberReader.ReadFirst(answer) is null && NoAnswerReader.Read(answer) is { } none)
        {
            // "I don't know" or "there isn't one" is not an order number: nothing is stored as one, and the bot moves on.
            supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), none.Kind == NoAnswerKind.None ? "none (" + PiiMasker.Mask(answer) + ")" : "not known"));
            await Voice.SayAsync(step.Context, SupportPrompts.NoOrderNumber, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
        }

        if (question == "order_number" && OrderNumberReader.ReadFirst(answer) is null && !pending.AskedAgain)
        {
            // "the 3rd" is not an order number either: say why and ask once more, leaving a way out.
            pending.AskedAgain = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.OrderNumberAgain, supportCase), cancellationToken).ConfigureAwait(false);
        }

        supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(answer)));
        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        await _services.ReadMoodAsync(supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.FrustrationRising), cancellationToken).ConfigureAwait(false);
        }

        // An answer that says nothing of the problem ("yes", "1", "I already told you") is never mirrored back as if it were one.
        var issue = ComplaintReader.IsMirrorable(answer) ? ComplaintReader.Mirror(answer) : supportCase.Mirrored ?? string.Empty;
        await Voice.EmpathizeIfMovedAsync(step.Context, supportCase, issue, cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question as the brief lists it: its first wording, without the customer's name.</summary>
    private string QuestionText(string question) =>
        Voice.Catalog.Variants(SupportPrompts.Question(question)) is { Count: > 0 } variants ? variants[0].Text.Replace(", {name}", string.Empty, StringComparison.Ordinal) : question;

    /// <summary>The clarifying question the loop is waiting on.</summary>
    private sealed class PendingQuestion
    {
        public string? Id { get; set; }

        /// <summary>True once the question was asked again because the answer did not fit it.</summary>
        public bool AskedAgain { get; set; }
    }
}
