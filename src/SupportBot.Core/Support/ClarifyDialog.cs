using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
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
        // One question may take a few turns: asked, "why do you need that?", a reply that answers something else.
        Steps(AskNextQuestionAsync, RecordAnswerAsync, RecordAnswerAsync, RecordAnswerAsync, RecordAnswerAsync);
    }

    private async Task<DialogTurnResult> AskNextQuestionAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var category = _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        foreach (var question in category.Questions.Where(q => !supportCase.WantsTheFix && supportCase.Answers.All(a => a.QuestionId != q)))
        {
            // "It arrived smashed": there was nothing to try, and asking would only annoy.
            if (question == "tried" && ComplaintReader.ArrivedDamaged(supportCase.Complaint))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), "nothing: it arrived that way"));
                continue;
            }

            // "Cancel my subscription please": a subscription has no order number to ask for.
            if (question == "order_number" && RemedyFacts.OnlySubscription(supportCase))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), "none: it's a subscription or plan"));
                continue;
            }

            // "Change the email on my account to my new one": they can sign in; asking what happens there would not listen.
            if (question is "signin" or "tried" && SlotReader.OnlyChangesDetails(supportCase.Complaint))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), question == "signin" ? "no trouble" : "nothing needed"));
                continue;
            }

            // Already answered in something the customer said: keep what it says, never ask again.
            if (SaidBefore(step, supportCase, question, loosely: false) is var (said, text))
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), PiiMasker.Mask(said.Value)));
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

        if (await CorrectedAsync(step, supportCase, question, answer, cancellationToken).ConfigureAwait(false) is { } corrected)
        {
            return corrected;
        }

        var found = question == "amount"
            ? CaseAmounts.Charge(MoneyReader.ReadReply(answer, _services.CurrencyOf(supportCase))) is { } charge ? new SlotValue(charge.ToString(), charge.Text) : null
            : SlotReader.Read(question, answer, step.Context.TimeProvider.GetUtcNow(), _services.CurrencyOf(supportCase));
        if (found is null && (SeriousMatterReader.IsSerious(answer) ? await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false)
            : await NotAnAnswerAsync(step, supportCase, pending, answer, cancellationToken).ConfigureAwait(false)) is { } handled)
        {
            return handled;
        }

        // The order number is kept as the number; other answers in the customer's words. Whatever else the answer
        // holds (the product, a date, the order number) answers those questions too: they are not asked.
        var words = PiiMasker.Mask(answer);
        supportCase.Answers.Add(question == "order_number" && found is not null
            ? new ClarifyingAnswer(question, _services.QuestionText(question), PiiMasker.Mask(found.Value)) { Words = words }
            : question == "tried" && found is null && (NoAnswerReader.Read(answer) is { Kind: NoAnswerKind.None } || (ConfirmPrompt.Recognize(answer) is false && answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2))
                ? new ClarifyingAnswer(question, _services.QuestionText(question), "nothing yet") { Words = words }
                : new ClarifyingAnswer(question, _services.QuestionText(question), words));
        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        TakeCharge(supportCase, question, answer);
        if (found is not null && await _services.HearProblemToldAsync(step.Context, supportCase, answer, found, cancellationToken).ConfigureAwait(false))
        {
            return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
        }

        return await GoOnAsync(step, supportCase, answer, cancellationToken, plain: found is not null && ComplaintReader.IsPlainAnswer(answer)).ConfigureAwait(false);
    }

    /// <summary>
    /// "No wait, the order number is 55120 not 55210" or "sorry, it was £54.99", whatever was asked: a correction of
    /// what they told before changes it, says so, and the question asked is still open (asked again). Null when the
    /// reply corrects nothing already on the case.
    /// </summary>
    private async Task<DialogTurnResult?> CorrectedAsync(WaterfallStepContext step, SupportCase supportCase, string question, string answer, CancellationToken cancellationToken)
    {
        var correction = CorrectionReader.Read(answer, step.Context.TimeProvider.GetUtcNow(), _services.CurrencyOf(supportCase));
        switch (correction)
        {
            case { OrderNumber: not null } when question != "order_number" && CaseOrderNumber.Correct(supportCase, correction, answer) is { } order:
                await Voice.SayAsync(step.Context, SupportPrompts.OrderNumberCorrected, supportCase, cancellationToken, ("order", order)).ConfigureAwait(false);
                return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
            case { Date: not null } when question != "when" && supportCase.Answers.Exists(a => a.QuestionId == "when") && CaseWhen.Correct(supportCase, correction, answer, Voice) is { } when:
                await Voice.SayAsync(step.Context, SupportPrompts.WhenCorrected, supportCase, cancellationToken, ("when", when)).ConfigureAwait(false);
                return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
            case { Amount: not null } when question != "amount" && supportCase.Amount is { } before:
                await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
                return supportCase.Amount != before ? await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false) : null;
            default:
                // "It's the refund that's the problem, not the login": filed again, and that category's questions asked.
                return await CategoryCorrection.TryAsync(_services, step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false)
                    ? await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false) : null;
        }
    }

    /// <summary>
    /// After an answer: how the customer feels in it, a new empathy line when that moved, and the next question. A bare
    /// "no", "yes" or "1" carries no feeling (the turn counts as calm); a <paramref name="plain"/> answer (a few calm
    /// words that answer the question: "it says wrong password") is read, but gets no empathy line of its own.
    /// </summary>
    private async Task<DialogTurnResult> GoOnAsync(WaterfallStepContext step, SupportCase supportCase, string answer, CancellationToken cancellationToken, bool plain = false, string? askAgain = null)
    {
        if (SeriousMatterReader.IsSerious(answer))
        {
            // "There are orders I didn't make" in an answer: a person, at once, and it is in the brief whatever was asked.
            if (!supportCase.Said().Any(said => said.Contains(answer.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                supportCase.UnderlyingIssues.Add(PiiMasker.Mask(answer.Trim()));
                await _services.SaySeriousAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
            }

            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.Serious), cancellationToken).ConfigureAwait(false);
        }

        if (!ComplaintReader.CarriesFeeling(answer))
        {
            SupportServices.ReadCalmTurn(supportCase);
        }
        else
        {
            await _services.ReadMoodAsync(supportCase, answer, cancellationToken).ConfigureAwait(false);
            if (EmpathyPicker.FrustrationRising(supportCase.Moods))
            {
                return await step.EndDialogAsync(new HandoffRequest(HandoffReason.FrustrationRising), cancellationToken).ConfigureAwait(false);
            }

            if (!plain)
            {
                // Said back only when the answer names a problem: "3 weeks ago" is no issue to be sorry about.
                var issue = ComplaintReader.IsMirrorable(answer) && ComplaintReader.Mirror(answer, complaint: true) is { Length: > 0 } mirrored ? mirrored : supportCase.Mirrored ?? string.Empty;
                await Voice.EmpathizeIfMovedAsync(step.Context, supportCase, issue, cancellationToken).ConfigureAwait(false);
            }
        }

        // Heard, and the same question asked once more (<paramref name="askAgain"/>), or on to the next one.
        return askAgain is null
            ? await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false)
            : await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Again(askAgain), supportCase), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reply with no answer to the question asked, or null when it is the answer after all. "Why do you need that?"
    /// gets the reason and the question again; "I don't know", "skip" and a second "why?" are taken as such; a reply
    /// that answers other questions ("the router" to what was tried) is kept for those and the question asked again.
    /// Never a third time: the rest is kept in their words, but where only a value will do (order number, amount).
    /// </summary>
    private async Task<DialogTurnResult?> NotAnAnswerAsync(WaterfallStepContext step, SupportCase supportCase, PendingQuestion pending, string answer, CancellationToken cancellationToken)
    {
        var question = pending.Id ?? string.Empty;
        if (PushbackReader.AsksWhyAmid(answer) && !pending.Explained)
        {
            pending.Explained = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Why(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (question == "tried" && PushbackReader.AsksWhatToTry(answer))
        {
            // "What could I try?" says nothing has been tried yet: never kept as an attempt.
            supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), "nothing yet") { Words = PiiMasker.Mask(answer.Trim()) });
            await Voice.SayFreshAsync(step.Context, SupportPrompts.NothingTriedYet, supportCase, cancellationToken).ConfigureAwait(false);
            return await GoOnAsync(step, supportCase, answer, cancellationToken, plain: true).ConfigureAwait(false);
        }

        if (PushbackReader.AsksWhatNext(answer) || PushbackReader.AsksAboutTheFix(answer))
        {
            // "What can you actually do about it?" or "how long will this take?" is a question to answer, never what happens or what was tried.
            // Once: what the bot will do, and the question again; asked again, straight to the fix.
            if (pending.Explained)
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven));
                supportCase.WantsTheFix = true;
                await Voice.SayFreshAsync(step.Context, SupportPrompts.ToTheFix, supportCase, cancellationToken).ConfigureAwait(false);
                return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
            }

            pending.Explained = true;
            await Voice.SayFreshAsync(step.Context, SupportPrompts.WhatNext, supportCase, cancellationToken).ConfigureAwait(false);
            var again = question == "order_number" ? SupportPrompts.OrderNumberAgain : SupportPrompts.Again(question);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, again, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (PushbackReader.AsksInEarnest(answer) && !PushbackReader.AsksWhyAmid(answer))
        {
            // "Is my account safe tho?" to "what have you tried?": their question, never the answer; ours stands, once.
            await _services.AnswerOrKeepAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
            var ask = !pending.AskedAgain;
            pending.AskedAgain = true;
            supportCase.Answers.AddRange(ask ? [] : [new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven)]);
            return await GoOnAsync(step, supportCase, answer, cancellationToken, plain: true, askAgain: ask ? question : null).ConfigureAwait(false);
        }

        var now = step.Context.TimeProvider.GetUtcNow();
        var currency = _services.CurrencyOf(supportCase);
        // A bare "no" to "what's the order number?", "how much was it?" or "is it an order, a subscription or a
        // booking?" says there is none; to "have you tried anything?" it is the answer.
        var answeredByNo = SupportCatalog.AnsweredByNo.Contains(question);
        var none = NoAnswerReader.Read(answer)
            ?? (!answeredByNo && ConfirmPrompt.Recognize(answer) is false && answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2
                ? new NoAnswer { Kind = NoAnswerKind.None, Text = answer.Trim() }
                : null);
        if (none is not null
            && ((answeredByNo && (none.Kind == NoAnswerKind.None || answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5))
                || (question != "order_number" && none.Alternative is not null && none.Text == answer.Trim())
                || SlotReader.Fits(question, answer.Replace(none.Text, " ", StringComparison.Ordinal), now, currency)))
        {
            // "Nothing" is what they tried; "I don't know, it just shuts down" says what happens; "it's the monthly
            // plan" says what the charge was for; "I don't know, it's my gmail" names the account after all.
            none = null;
        }

        if (question is not ("when" or "order_number" or "amount") && none is null && SlotReader.OnlyTime(question, answer, now, currency))
        {
            // "Last week" to "what have you tried?" says when, never what: kept as when, and the question asked again.
            if (supportCase.Answers.All(a => a.QuestionId != "when"))
            {
                supportCase.Answers.Add(Answered("when", answer.Trim(), answer));
            }

            var again = !pending.AskedAgain;
            pending.AskedAgain = true;
            supportCase.Answers.AddRange(again ? [] : [new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven)]);
            return await GoOnAsync(step, supportCase, answer, cancellationToken, plain: true, askAgain: again ? question : null).ConfigureAwait(false);
        }

        if (question == "tried" && none is null && SlotReader.Read("tried", answer, now, currency) is null && SlotReader.NamesFault(answer)
            && !ComplaintReader.OnlyVents(answer))
        {
            // "It wont switch on" to "what have you tried?" says what happens, not what was tried: kept as that, never as an attempt.
            supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven));
            if (!supportCase.Said().Any(said => said.Contains(answer.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                supportCase.UnderlyingIssues.Add(PiiMasker.Mask(answer.Trim()));
            }

            return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
        }

        if (SupportCatalog.FreeTextQuestions.Contains(question) && ComplaintReader.OnlyVents(answer))
        {
            // "I am SO fed up, this is the worst service ever!!!" is how they feel, not what they tried: heard, never filed as the answer.
            supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven));
            return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
        }

        if (question is "product" or "device" or "account" or "when" && ComplaintReader.OnlyVents(answer) && SlotReader.Read(question, answer, now, currency) is null)
        {
            // "This is ridiculous, I pay for this every month" to "which app is it?" is how they feel, never the app:
            // the feeling is heard, and the question asked once more, since the right team depends on it.
            // "This is ridiculous, I've been waiting for weeks" to "when?" says when in its last words: those are kept.
            if (question == "when" && answer.Split([',', '.', ';', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(part => SlotReader.Fits("when", part, now, currency) && !ComplaintReader.OnlyVents(part)) is { } when)
            {
                supportCase.Answers.Add(Answered(question, when, answer));
                return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
            }

            if (pending.AskedAgain)
            {
                supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven));
                return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
            }

            pending.AskedAgain = true;
            return await GoOnAsync(step, supportCase, answer, cancellationToken, askAgain: question).ConfigureAwait(false);
        }

        if (none is not null || PushbackReader.Declines(answer) || PushbackReader.AsksWhy(answer))
        {
            // "No" to "when did this happen?" says they can't say when, never that it didn't happen.
            supportCase.Answers.Add(none is { Kind: NoAnswerKind.None } && question != "when"
                ? new ClarifyingAnswer(question, _services.QuestionText(question), "none") { Words = PiiMasker.Mask(answer) }
                : new ClarifyingAnswer(question, _services.QuestionText(question), none is null ? ClarifyingAnswer.Declined : ClarifyingAnswer.NotKnown));
            var line = question == "order_number" ? SupportPrompts.NoOrderNumber : none is null ? SupportPrompts.Declined : SupportPrompts.NotKnown;
            await Voice.SayFreshAsync(step.Context, line, supportCase, cancellationToken).ConfigureAwait(false);
            return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
        }

        // "Also the app keeps logging me out" to "when was this?": another problem, kept for the fix and said back; the question stays open.
        if (!SupportCatalog.FreeTextQuestions.Contains(question) && !pending.AskedAgain && await _services.HearAnotherProblemAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false))
        {
            pending.AskedAgain = true;
            return await step.PromptAsync(Text, Voice.Ask(step.Context, question == "order_number" ? SupportPrompts.OrderNumberAgain : SupportPrompts.Again(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        // Where any words may answer ("what have you tried?", "which app is it?"), a reply that answers something
        // else instead ("the router", "my internet keeps dropping") goes to that; "it's my gmail" names the account,
        // whatever product it also names, and "every evening" says when.
        var elsewhere = AnswersElsewhere(supportCase, question, answer, now);
        var fits = SlotReader.Fits(question, answer, now, currency) && !(SupportCatalog.FreeTextQuestions.Contains(question) && Restates(supportCase, question, answer, now));
        if (fits && (elsewhere.Count == 0 || question is "when" or "account"))
        {
            return null;
        }

        foreach (var (other, value) in elsewhere)
        {
            // "Samsung 55 inch" after "my tv arrived cracked" is the Samsung 55 inch tv.
            var earlier = supportCase.Answers.Find(a => a.QuestionId == other)?.Answer
                ?? (other is "product" or "device" ? SlotReader.ReadLoosely(other, supportCase.Complaint, now, currency)?.Value : null);
            supportCase.Answers.RemoveAll(a => a.QuestionId == other);
            supportCase.Answers.Add(Answered(other, earlier is null ? value.Value : SlotReader.Refined(earlier, value), answer));
            TakeCharge(supportCase, other, answer);
        }

        await _services.TakeAmountsAsync(step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        if (!pending.AskedAgain)
        {
            pending.AskedAgain = true;
            if (elsewhere.Count > 0)
            {
                await Voice.SayFreshAsync(step.Context, SupportPrompts.Noted, supportCase, cancellationToken).ConfigureAwait(false);
            }

            var again = question == "order_number" ? SupportPrompts.OrderNumberAgain : SupportPrompts.Again(question);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, again, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (fits)
        {
            return null;
        }

        // Asked twice and still no answer: a colleague can find it; the question is not asked a third time. What they
        // wrote instead ("I emailed twice") still goes on the case, so nobody asks for it again.
        supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotGiven));
        if (ComplaintReader.IsMirrorable(answer) && !ComplaintReader.OnlyVents(answer) && !supportCase.Said().Any(said => said.Contains(answer.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            supportCase.UnderlyingIssues.Add(PiiMasker.Mask(answer.Trim()));
        }

        if (question == "order_number")
        {
            await Voice.SayFreshAsync(step.Context, SupportPrompts.NoOrderNumber, supportCase, cancellationToken).ConfigureAwait(false);
        }

        return await GoOnAsync(step, supportCase, answer, cancellationToken).ConfigureAwait(false);
    }

    private ClarifyingAnswer Answered(string question, string value, string words) =>
        new(question, _services.QuestionText(question), PiiMasker.Mask(value)) { Words = PiiMasker.Mask(words) };

    /// <summary>
    /// Whether <paramref name="answer"/> names the product or device more fully than the case has it: "Samsung 55 inch"
    /// after "my tv arrived cracked" says which TV; "the tv" again says nothing new.
    /// </summary>
    private bool Refines(SupportCase supportCase, string question, string answer, DateTimeOffset now) =>
        question is "product" or "device"
        && supportCase.Answers.Find(a => a.QuestionId == question) is { SaysNothing: false } earlier
        && SlotReader.Read(question, answer, now, _services.CurrencyOf(supportCase)) is { } value
        && !earlier.Answer.Contains(value.Value, StringComparison.OrdinalIgnoreCase)
        && !value.Value.Contains(earlier.Answer, StringComparison.OrdinalIgnoreCase)
        && value.Value.Split(' ').Length > earlier.Answer.Split(' ').Length;

    /// <summary>
    /// The other questions <paramref name="answer"/> answers, among the category's open ones and the order number
    /// (under nothing in particular, what happens and the product too): "the router, it's a Virgin Hub 3".
    /// </summary>
    private List<(string Question, SlotValue Value)> AnswersElsewhere(SupportCase supportCase, string asked, string answer, DateTimeOffset now)
    {
        var category = _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other);
        var candidates = category.Id == SupportCatalog.Other ? category.Questions.Concat(["order_number", "symptom", "product"]) : category.Questions.Append("order_number");
        var found = new List<(string, SlotValue)>();
        foreach (var question in candidates.Distinct(StringComparer.Ordinal))
        {
            if (question != asked && (supportCase.Answers.All(a => a.QuestionId != question) || Refines(supportCase, question, answer, now))
                && !(question == "symptom" && asked == "signin") && !(question == "signin" && asked == "symptom")
                && SlotReader.Read(question, answer, now, _services.CurrencyOf(supportCase)) is { } value)
            {
                found.Add((question, value));
            }
        }

        return found;
    }

    /// <summary>
    /// Whether a short reply only says again what answers another question already answered: "3 weeks ago, I just
    /// said" when asked what it was for, "the router" when asked what was tried.
    /// </summary>
    private bool Restates(SupportCase supportCase, string asked, string answer, DateTimeOffset now) =>
        answer.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6
        && _services.Catalog.Category(supportCase.Category ?? SupportCatalog.Other).Questions.Any(q => q != asked
            && supportCase.Answers.Any(a => a.QuestionId == q && !a.SaysNothing) && SlotReader.Read(q, answer, now, _services.CurrencyOf(supportCase)) is not null);

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
            supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), PiiMasker.Mask(said.Value)));
            TakeCharge(supportCase, question, text);
            await Voice.SayFreshAsync(step.Context, SupportPrompts.AlreadyTold, supportCase, cancellationToken, ("said", PiiMasker.Mask(ComplaintReader.SayBack(said.Words) is { Length: > 0 } words ? words : said.Value))).ConfigureAwait(false);
            return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
        }

        if (SupportCatalog.EssentialQuestions.Contains(question) && !pending.AskedAgain)
        {
            pending.AskedAgain = true;
            await Voice.SayFreshAsync(step.Context, SupportServices.SayingBack(SupportPrompts.Missed, supportCase), supportCase, cancellationToken).ConfigureAwait(false);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, SupportPrompts.Narrow(question), supportCase), cancellationToken).ConfigureAwait(false);
        }

        // Not essential, or asked narrower once already: never a third time. The colleague is told to look for it.
        supportCase.Answers.Add(new ClarifyingAnswer(question, _services.QuestionText(question), ClarifyingAnswer.NotFound));
        var line = SupportCatalog.EssentialQuestions.Contains(question) ? SupportPrompts.MissedNoted : SupportServices.SayingBack(SupportPrompts.MissedCarryOn, supportCase);
        await Voice.SayFreshAsync(step.Context, line, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.ReplaceDialogAsync(StepsId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to "how much was the charge?" is the amount the case is about, even when it names a fee.</summary>
    private void TakeCharge(SupportCase supportCase, string question, string text)
    {
        if (question == "amount")
        {
            CaseAmounts.TakeCharge(supportCase, text, _services.CurrencyOf(supportCase));
        }
    }

    /// <summary>
    /// What the customer already said for <paramref name="question"/>, in the complaint or any answer, oldest first,
    /// with the words it was in.
    /// </summary>
    private (SlotValue Value, string Text)? SaidBefore(WaterfallStepContext step, SupportCase supportCase, string question, bool loosely)
    {
        var now = step.Context.TimeProvider.GetUtcNow();
        var currency = _services.CurrencyOf(supportCase);
        foreach (var text in supportCase.Said())
        {
            if ((loosely ? SlotReader.ReadLoosely(question, text, now, currency) : SlotReader.Read(question, text, now, currency)) is { } value)
            {
                return (value, text);
            }
        }

        return null;
    }
}
