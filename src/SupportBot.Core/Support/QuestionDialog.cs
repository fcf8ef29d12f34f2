using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// A plain question, not a complaint: the bot does not put it through the complaint's questions and remedies, and
/// never guesses. When an admin's answer fits (<c>dialogs/catalog/answers.yaml</c>) it gives it and asks whether
/// that answered the question; when none fits, or it did not help, it offers honestly to pass the question to a
/// colleague, who answers in the same conversation. Ends with a <see cref="HandoffRequest"/> when the customer wants
/// that, else with <see cref="ConversationDone"/>.
/// </summary>
public sealed class QuestionDialog : CaseDialog
{
    private readonly SupportServices _services;

    public QuestionDialog(SupportServices services)
        : base(nameof(QuestionDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(AnswerAsync, OfferColleagueAsync, PassOnAsync);

        // A reply that is neither yes nor no but says more ("it's the family plan, someone else is on it") is taken
        // as it comes, never met with the same question again.
        AddDialog(new ConfirmPrompt(YesNoOrMore, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || SaysMore(prompt.Context.Activity.Text))) { MaxAttempts = services.Options.MaxAttempts });
    }

    private const string YesNoOrMore = "yes-no-or-more";

    private static bool SaysMore(string? text) => ConfirmPrompt.Recognize(text) is null && (ComplaintReader.IsMirrorable(text) || ComplaintReader.HasContact(text));

    /// <summary>A further question in a reply to "did that answer it?" ("ok and can I return it after 30 days?"), or null.</summary>
    private static string? AnotherQuestion(string? text)
    {
        var reply = ComplaintReader.WithoutFiller(text?.Trim() ?? string.Empty);
        reply = reply.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || reply.StartsWith("also ", StringComparison.OrdinalIgnoreCase) ? reply[(reply.IndexOf(' ', StringComparison.Ordinal) + 1)..] : reply;
        return reply.EndsWith('?') && reply.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 && ConfirmPrompt.Recognize(reply) is null
            && !Understanding.Entities.PushbackReader.AsksWhy(reply)
            ? reply
            : null;
    }

    /// <summary>What the reply to a yes/no question means: yes, no, or (null) more words, kept on the case.</summary>
    private static bool? Meaning(WaterfallStepContext step, SupportCase supportCase)
    {
        var text = step.Context.Activity.Text;
        if (step.Result is PromptGaveUp || !SaysMore(text))
        {
            return step.Result as bool?;
        }

        supportCase.UnderlyingIssues.Add(PiiMasker.Mask(text!.Trim()));
        return null;
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (supportCase.Suggestion || _services.Answer(supportCase.Complaint) is not { } match)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.GetState<Given>().Question = match.Answer.Examples[0];
        var text = _services.AnswerText(match.Answer, supportCase);
        await CaseVoice.SayTextAsync(step.Context, text, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(YesNoOrMore, Voice.Ask(step.Context, SupportPrompts.QuestionAnswered, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferColleagueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.GetState<Given>().Question is not null && step.Result is not PromptGaveUp && AnotherQuestion(step.Context.Activity.Text) is { } next)
        {
            // "Ok, and can I return something after 30 days?" is the next question, not a yes: it gets its own answer.
            if (!string.IsNullOrWhiteSpace(supportCase.Complaint))
            {
                supportCase.UnderlyingIssues.Add(supportCase.Complaint);
            }

            supportCase.Complaint = PiiMasker.Mask(next);
            return await step.ReplaceDialogAsync(Id, null, cancellationToken).ConfigureAwait(false);
        }

        if (step.GetState<Given>().Question is not null && Meaning(step, supportCase) is true)
        {
            await Voice.SayAsync(step.Context, SupportPrompts.QuestionHelped, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
        }

        var key = supportCase.Suggestion ? SupportPrompts.SuggestionOffer : SupportPrompts.QuestionOffer;
        if (step.GetState<Given>().Question is { } given)
        {
            // The colleague sees what the customer was already told, so they won't be given it again.
            supportCase.Answers.Add(new ClarifyingAnswer("tried", "Did that answer your question?", $"my answer to “{given}”, which didn't help"));
            key = SupportPrompts.QuestionOfferAfterAnswer;
        }

        // Asked again ("hello?"), it is not the same words again.
        var offer = Voice.AskFresh(step.Context, key, supportCase);
        return await step.PromptAsync(YesNoOrMore, offer with { RetryPrompt = Voice.FreshLine(step.Context, key, supportCase) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> PassOnAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        // Yes, more about it, or still no clear answer after asking: they want help, so a colleague takes it.
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is not PromptGaveUp && Understanding.Entities.PushbackReader.DeclinesColleague(step.Context.Activity.Text))
        {
            // "Is there not a page on your website I could look at instead?", "don't bother, I'll look it up": not passed on.
            await Voice.SayAsync(step.Context, HandoffPrompts.Withdrawn, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is PromptGaveUp || Meaning(step, supportCase) is not false)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        await Voice.SayAsync(step.Context, SupportPrompts.QuestionLeft, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer given, if any, by the question it answers first, so a "no" can say what did not help.</summary>
    private sealed class Given
    {
        public string? Question { get; set; }
    }
}
