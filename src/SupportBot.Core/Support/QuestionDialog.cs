using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;
using SupportBot.Core.PromptFiles;
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
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (_services.Answer(supportCase.Complaint) is not { } match)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        step.GetState<Given>().Question = match.Answer.Examples[0];
        var text = PromptCatalog.Fill(AnswerFileLoader.Variables, match.Answer.Text, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase.FirstName,
            ["hours"] = _services.Handoff.TeamHours(),
        });
        await CaseVoice.SayTextAsync(step.Context, text, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(Confirm, Voice.Ask(step.Context, SupportPrompts.QuestionAnswered, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferColleagueAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is true)
        {
            await Voice.SayAsync(step.Context, SupportPrompts.QuestionHelped, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
        }

        var key = SupportPrompts.QuestionOffer;
        if (step.GetState<Given>().Question is { } given)
        {
            // The colleague sees what the customer was already told, so they won't be given it again.
            supportCase.Answers.Add(new ClarifyingAnswer("tried", "Did that answer your question?", $"my answer to “{given}”, which didn't help"));
            key = SupportPrompts.QuestionOfferAfterAnswer;
        }

        return await step.PromptAsync(Confirm, Voice.Ask(step.Context, key, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> PassOnAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is true)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        await Voice.SayAsync(step.Context, SupportPrompts.QuestionLeft, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer given, if any, by the question it answers first, so a "no" can say what did not help.</summary>
    private sealed class Given
    {
        public string? Question { get; set; }
    }
}
