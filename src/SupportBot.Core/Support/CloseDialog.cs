using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Closes the case: is it sorted? one rating question, thanks by name, and a check-in scheduled. Also where the
/// bot resumes after a colleague's decision or hand-back. Ends with a <see cref="HandoffRequest"/> when it is not sorted.
/// </summary>
public sealed partial class CloseDialog : CaseDialog
{
    private readonly SupportServices _services;

    public CloseDialog(SupportServices services)
        : base(nameof(CloseDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        Steps(ConfirmResolvedAsync, AskRatingAsync, ThankAsync);

        AddDialog(new ChoicePrompt(RatingOrNot, (prompt, _) => Task.FromResult(prompt.Recognized.Succeeded || DeclinesRating().IsMatch(prompt.Context.Activity.Text ?? string.Empty))) { MaxAttempts = services.Options.MaxAttempts });
        // "Wait no, it was 54 dollars not 45" or "actually can I get a replacement instead" to "is that everything
        // sorted?" is neither yes nor no, and goes on; a question there ("how long does a refund take?") is answered.
        AddDialog(new ConfirmPrompt(SortedOrCorrected, async (prompt, cancellationToken) =>
        {
            if (prompt.Recognized.Succeeded || CorrectsAmount(prompt.Context) || await OtherRemedyAsync(prompt.Context, cancellationToken).ConfigureAwait(false) is not null
                || await DisownsRemedyAsync(prompt.Context, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await AnswerAsync(prompt, cancellationToken).ConfigureAwait(false);
            return false;
        })
        { MaxAttempts = services.Options.MaxAttempts });
    }

    private const string SortedOrCorrected = "sorted-or-corrected";

    /// <summary>The rating, which a customer may decline ("no thanks", "i dont want to rate", "bye"): never asked again.</summary>
    private const string RatingOrNot = "rating-or-not";

    /// <summary>"I didn't ask for a credit" once the credit is done: the bot took their words for a choice they never made.</summary>
    private async Task<bool> DisownsRemedyAsync(TurnContext context, CancellationToken cancellationToken) =>
        await Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is { } supportCase
        && RemedyNames.Disowned(_services.Catalog, supportCase, context.Activity.Text);

    /// <summary>The granted remedy's alternative the customer now names ("actually can I get a replacement instead?"), or null.</summary>
    private async Task<Remedy?> OtherRemedyAsync(TurnContext context, CancellationToken cancellationToken) =>
        context.Activity.Text is { } text && ConfirmPrompt.Recognize(text) is not true
        && await Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is { } supportCase
        && RemedyNames.NamedRemedy(_services.Catalog, supportCase, text) is { } named && named.Value != supportCase.RemedyId
        && _services.Catalog.Remedies.TryGetValue(named.Value, out var remedy)
            ? remedy
            : null;

    /// <summary>
    /// "How long does a refund take?" in reply to "is that everything sorted?": the admins' answer, then the same question.
    /// Says nothing when the reply is no question an answer covers (the prompt asks again as usual).
    /// </summary>
    private async Task AnswerAsync(PromptValidatorContext<bool> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Context.Activity.Text;
        if (!ComplaintReader.ReadsAsQuestion(text) || _services.Answer(text) is not { } match)
        {
            return;
        }

        var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
        await CaseVoice.SayTextAsync(prompt.Context, _services.AnswerText(match.Answer, supportCase), supportCase, cancellationToken).ConfigureAwait(false);
        if (prompt.Options.Prompt is { } again)
        {
            await prompt.Context.SendActivityAsync(again, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool CorrectsAmount(TurnContext context) =>
        CorrectionReader.Read(context.Activity.Text, context.TimeProvider.GetUtcNow(), _services.Options.Currency) is { Amount: not null } || CaseAmounts.CorrectsCurrency(context.Activity.Text);

    private async Task<DialogTurnResult> ConfirmResolvedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        return await step.PromptAsync(SortedOrCorrected, Voice.Ask(step.Context, SupportPrompts.ConfirmResolved, supportCase), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskRatingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not true && await _services.CorrectPaidAmountAsync(step.Context, await CaseAsync(step, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false))
        {
            // What was paid or promised went out with the earlier amount: a colleague puts it right.
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.AmountCorrected, Review: false), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not true && await DisownsRemedyAsync(step.Context, cancellationToken).ConfigureAwait(false))
        {
            var unwanted = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
            unwanted.UnderlyingIssues.Add($"did not want {unwanted.RemedyText() ?? unwanted.RemedyWanted}, which had already been done: {PiiMasker.Mask(step.Context.Activity.Text!.Trim())}");
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyUnwanted, Review: false), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not true && await OtherRemedyAsync(step.Context, cancellationToken).ConfigureAwait(false) is { } other)
        {
            // "Actually can I get a replacement instead?": what was done stays on the case, and a colleague arranges the swap.
            var changing = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
            var granted = changing.RemedyText() ?? "the remedy granted";
            changing.UnderlyingIssues.Add($"would rather have {other.Title} than {granted}: {PiiMasker.Mask(step.Context.Activity.Text!.Trim())}");
            changing.RemedyId = other.Id;
            changing.RemedyWanted = other.Title;
            changing.RemedyPaysFor = other.PaysFor;
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, $"the customer would rather have {other.Title} than {granted}, already under way", Review: false, ColleagueArranges: true), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not true)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotResolved), cancellationToken).ConfigureAwait(false);
        }

        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        supportCase.Resolved = true;
        var options = Voice.Ask(step.Context, SupportPrompts.AskRating, supportCase) with
        {
            Choices = [.. Enumerable.Range(1, 5).Select(i => new Choice(i.ToString(CultureInfo.InvariantCulture)))],
        };
        return await step.PromptAsync(RatingOrNot, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ThankAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        supportCase.Rating = step.Result is FoundChoice rating ? rating.Index + 1 : null;
        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        profile.Cases++;
        profile.OpenCase = null;
        await Voice.SayAsync(step.Context, SupportPrompts.Thanks, supportCase, cancellationToken).ConfigureAwait(false);
        _services.Handoff.ScheduleFollowUp(step.Context, supportCase);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^\W*(?:no(?:pe|h|ah)?|no thanks?|no thank you|nah|skip|pass|not now|rather not|i'?d rather not|no need|i'?m good|(?:i\s+)?(?:do ?n[o']?t|dont)\s+(?:want|wanna|need)\s+to\s+rate(?:\s+(?:it|this|anything))?|thanks?|thank you|cheers|bye|goodbye|ok bye)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclinesRating();
}
