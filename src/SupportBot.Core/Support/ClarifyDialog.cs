using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// The category's clarifying questions, one at a time, skipping any the customer already answered in what they
/// wrote: an answer fills every question it holds an answer to, not only the one asked. "I already told you" is never
/// kept as an answer: the bot points back to what they said, or owns that it missed it and asks once more, narrower,
/// only when the question matters. Ends with a <see cref="HandoffRequest"/> when frustration keeps rising.
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
            // Already answered in something the customer said: keep what it says, never ask again.
            if (SaidBefore(step, supportCase, question, loosely: false) is var (said, text))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(said.Value)));
                TakeCharge(supportCase, question, text);
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
        if (AlreadyToldReader.Read(answer) is { } told)
        {
            if (told.Rest is null)
            {
                return await PointBackAsync(step, supportCase, pending, answer, cancellationToken).ConfigureAwait(false);
            }

            // "As I said, it's the lamp": what they said again is the answer.
            answer = told.Rest;
        }

        var found = SlotReader.Read(question, answer, step.Context.TimeProvider.GetUtcNow(), _services.Options.Currency);
        if (question == "order_number" && found is null && NoAnswerReader.Read(answer) is { } none)
        {
            // "I don't know" or "there isn't one" is not an order number: nothing is stored as one, and the bot moves on.
            supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), none.Kind == NoAnswerKind.None ? "none (" + PiiMasker.Mask(answer) + ")" : "not known"));
            await Voice.SayAsync(step.Context, SupportPrompts.NoOrderNumber, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
        }

        if (question == "order_number" && found is null && !pending.AskedAgain)
        {
            // "the 3rd" is not an order number either: say why and ask once more, leaving a way out.
            pending.AskedAgain = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.OrderNumberAgain, supportCase), cancellationToken).ConfigureAwait(false);
        }

        // The order number is kept as the number; other answers in the customer's words. Whatever else the answer
        // holds (the product, a date, the order number) answers those questions too: they are not asked.
        var words = PiiMasker.Mask(answer);
        supportCase.Answers.Add(question == "order_number" && found is not null
            ? new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(found.Value)) { Words = words }
            : new ClarifyingAnswer(question, QuestionText(question), words));
        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        TakeCharge(supportCase, question, answer);
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

    /// <summary>
    /// "I already told you": when what they said before holds the answer, say so and go on; when it does not, own it,
    /// say what was caught, and ask once more, narrower, only a question that matters (else go on without it).
    /// </summary>
    private async Task<DialogTurnResult> PointBackAsync(WaterfallStepContext step, SupportCase supportCase, PendingQuestion pending, string reminder, CancellationToken cancellationToken)
    {
        var question = pending.Id ?? string.Empty;
        await _services.ReadMoodAsync(supportCase, reminder, cancellationToken).ConfigureAwait(false);
        if (EmpathyPicker.FrustrationRising(supportCase.Moods))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.FrustrationRising), cancellationToken).ConfigureAwait(false);
        }

        if (SaidBefore(step, supportCase, question, loosely: true) is var (said, text))
        {
            supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), PiiMasker.Mask(said.Value)));
            TakeCharge(supportCase, question, text);
            await Voice.SayFreshAsync(step.Context, SupportPrompts.AlreadyTold, supportCase, cancellationToken, ("said", PiiMasker.Mask(ComplaintReader.Mirror(said.Words)))).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
        }

        if (SupportCatalog.EssentialQuestions.Contains(question) && !pending.AskedAgain)
        {
            pending.AskedAgain = true;
            await Voice.SayFreshAsync(step.Context, SupportServices.SayingBack(SupportPrompts.Missed, supportCase), supportCase, cancellationToken).ConfigureAwait(false);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Narrow(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        // Not essential, or asked narrower once already: never a third time. The colleague is told to look for it.
        supportCase.Answers.Add(new ClarifyingAnswer(question, QuestionText(question), ClarifyingAnswer.NotFound));
        var line = SupportCatalog.EssentialQuestions.Contains(question) ? SupportPrompts.MissedNoted : SupportServices.SayingBack(SupportPrompts.MissedCarryOn, supportCase);
        await Voice.SayFreshAsync(step.Context, line, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to "how much was the charge?" is the amount the case is about, even when it names a fee.</summary>
    private void TakeCharge(SupportCase supportCase, string question, string text)
    {
        if (question == "amount")
        {
            CaseAmounts.TakeCharge(supportCase, text, _services.Options.Currency);
        }
    }

    /// <summary>
    /// What the customer already said for <paramref name="question"/>, in the complaint or any answer, oldest first,
    /// with the words it was in.
    /// </summary>
    private (SlotValue Value, string Text)? SaidBefore(WaterfallStepContext step, SupportCase supportCase, string question, bool loosely)
    {
        var now = step.Context.TimeProvider.GetUtcNow();
        var currency = _services.Options.Currency;
        foreach (var text in supportCase.Said())
        {
            if ((loosely ? SlotReader.ReadLoosely(question, text, now, currency) : SlotReader.Read(question, text, now, currency)) is { } value)
            {
                return (value, text);
            }
        }

        return null;
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
