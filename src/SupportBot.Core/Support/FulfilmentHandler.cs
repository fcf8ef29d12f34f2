using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Fulfilment;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// The conversation's side of the actions granted remedies need. It tells the customer where each stands, in honest
/// words: "done" (the remedy's <c>done</c> wording, quoting the business's reference, tracking link or message) only
/// for an action confirmed done; what will happen, by whom and by when (its <c>asked</c> wording) while it is not;
/// and that a colleague took it over when the business's system could not do it. Each is told once. It also answers
/// a customer who writes while an action is under way, and queues the action of a remedy a colleague approved.
/// </summary>
public sealed partial class FulfilmentHandler(SupportServices services)
{
    /// <summary>What happens with a customer's message while an action is under way.</summary>
    public enum WhilePending
    {
        /// <summary>Nothing is under way: the conversation goes on as usual.</summary>
        None,

        /// <summary>Answered: the bot said where it stands.</summary>
        Answered,

        /// <summary>They asked for a person: the case goes to one.</summary>
        WantsPerson,

        /// <summary>They corrected the amount a request that pays money went out with: a colleague puts it right.</summary>
        AmountCorrected,

        /// <summary>They asked for another remedy instead of the one under way: a colleague switches it.</summary>
        RemedyChanged,

        /// <summary>They never wanted the remedy that went out: a colleague stops it and helps with what they do want.</summary>
        RemedyUnwanted,
    }

    /// <summary>Whether <paramref name="activity"/> is the server telling how an action went (only the server can raise it).</summary>
    public static bool IsOutcome(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Event && activity.CallerId == DeskEvents.CallerId && activity.Name == FulfilmentEvents.Outcome;
    }

    /// <summary>
    /// Tells the customer what the outcome event says (what they have not been told yet). Returns true when the case
    /// can close now: the action just confirmed was the last one under way on the conversation's case.
    /// </summary>
    public async Task<bool> OnOutcomeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcomes = FulfilmentEvents.Read(context.Activity);
        var supportCase = await services.Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) ?? await CaseFromEventAsync(context, outcomes, cancellationToken).ConfigureAwait(false);
        var close = false;
        foreach (var outcome in outcomes)
        {
            var news = outcome.Status switch
            {
                FulfilmentStatus.Done => "done",
                FulfilmentStatus.WithColleague when outcome.DeliveryFailed && !outcome.InTurn => "failed",
                _ => "asked",
            };
            var told = $"{outcome.DeliveryId}:{news}";
            if (supportCase.OutcomesTold.Contains(told) || (news == "asked" && supportCase.OutcomesTold.Any(t => t.StartsWith(outcome.DeliveryId + ":", StringComparison.Ordinal))))
            {
                continue;
            }

            supportCase.OutcomesTold.Add(told);
            var remedy = services.Catalog.Remedies.GetValueOrDefault(outcome.RemedyId);
            switch (news)
            {
                case "done":
                    await CaseVoice.SayTextAsync(context, Done(supportCase, outcome, remedy), supportCase, cancellationToken).ConfigureAwait(false);
                    close |= supportCase.ActionsUnderway.Remove(outcome.DeliveryId) && supportCase.ActionsUnderway.Count == 0 && outcome.CaseId == supportCase.CaseId;
                    break;
                case "failed":
                    await services.Voice.SayAsync(context, FulfilmentPrompts.Failed, supportCase, cancellationToken, ("remedy", outcome.RemedyTitle)).ConfigureAwait(false);
                    break;
                default:
                    await SayAskedAsync(context, supportCase, outcome, remedy, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        if (close)
        {
            var profile = await services.Cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
            if (profile.OpenCase?.CaseId == supportCase.CaseId)
            {
                profile.OpenCase = null;
            }
        }

        return close;
    }

    /// <summary>
    /// "Actually forget the replacement, just refund me" while the case waits for a colleague: the case now asks for
    /// the refund, where the colleague reads it, and the customer hears so. False when the message changes no remedy.
    /// </summary>
    public async Task<bool> ChangeWhileWithColleagueAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var said = context.Activity.Text ?? string.Empty;
        if (!ChangesMind().IsMatch(said) || await services.Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is not { WithColleague: true, Agent: null, RemedyWanted: { } before } supportCase
            || RemedyNames.NamedRemedy(services.Catalog, supportCase, said) is not { } named || named.Value == supportCase.RemedyId
            || !services.Catalog.Remedies.TryGetValue(named.Value, out var wanted))
        {
            return false;
        }

        Switch(context, supportCase, wanted, $"now wants {wanted.Title} instead of {before}");
        await services.Voice.SayAsync(context, HandoffPrompts.RemedyChanged, supportCase, cancellationToken, ("remedy", wanted.Title)).ConfigureAwait(false);
        return true;
    }

    /// <summary>The case now asks for <paramref name="wanted"/>, with why and the customer's words at the top of it.</summary>
    private void Switch(TurnContext context, SupportCase supportCase, Remedy wanted, string why)
    {
        var said = context.Activity.Text ?? string.Empty;
        supportCase.UnderlyingIssues.Add($"{why}: {PiiMasker.Mask(said.Trim())}");
        supportCase.RemedyId = wanted.Id;
        supportCase.RemedyWanted = wanted.Title;
        supportCase.RemedyPaysFor = wanted.PaysFor;
        CaseAmounts.Take(supportCase, said, services.CurrencyOf(supportCase), context.TimeProvider.GetUtcNow());
    }

    /// <summary>
    /// A customer's message while an action of their case is under way and no dialog is: they hear where it stands
    /// (and that they can have a colleague), or, asking for a person, they get one.
    /// </summary>
    public async Task<WhilePending> OnMessageWhilePendingAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await services.Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is not { ActionsUnderway.Count: > 0, WithColleague: false } supportCase
            || InterruptionRecognizer.Recognize(context.Activity.Text) == Interruption.StartOver)
        {
            return WhilePending.None;
        }

        if (PersonRequestRecognizer.AsksForPerson(context.Activity.Text))
        {
            return WhilePending.WantsPerson;
        }

        // "Wait, it was 54 dollars not 45" after the refund went out for 45: said back, and a colleague corrects the request.
        if (await services.CorrectPaidAmountAsync(context, supportCase, cancellationToken).ConfigureAwait(false))
        {
            return WhilePending.AmountCorrected;
        }

        // "Actually no, can I have a refund instead" once the credit went out: the case now asks for the refund, and a
        // colleague switches it over, since the first request cannot be taken back by the bot.
        var said = context.Activity.Text ?? string.Empty;
        if (supportCase.RemedyId is { } current && (ChangesMind().IsMatch(said) ? RemedyNames.NamedRemedy(services.Catalog, supportCase, said) : PickedByPosition(supportCase, said)) is { } named
            && named.Value != current && services.Catalog.Remedies.TryGetValue(named.Value, out var wanted))
        {
            Switch(context, supportCase, wanted, $"wants {wanted.Title} instead of {supportCase.RemedyWanted}, which had already gone out");
            return WhilePending.RemedyChanged;
        }

        // "I didn't ask for a credit": the bot took their words for a choice they never made; a colleague stops it.
        if (supportCase.RemedyWanted is { } unwanted && RemedyNames.Disowned(services.Catalog, supportCase, said))
        {
            supportCase.UnderlyingIssues.Add($"did not want {unwanted}, which had already gone out: {PiiMasker.Mask(said.Trim())}");
            return WhilePending.RemedyUnwanted;
        }

        if (SaysGoodbye().IsMatch(said) && !said.Contains('?', StringComparison.Ordinal) && ChoiceRecognizer.HasAtMostWords(said, 10))
        {
            // "Thank you so much, dear. Goodbye.": a goodbye back, with where things stand, not the whole promise again.
            await services.Voice.SayFreshAsync(context, FulfilmentPrompts.Goodbye, supportCase, cancellationToken).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        if (Worked().IsMatch(said))
        {
            await services.Voice.SayFreshAsync(context, FulfilmentPrompts.Worked, supportCase, cancellationToken).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        if (services.Reader?.Read(context.Activity.Text ?? string.Empty) is { Kind: MessageKind.Thanks })
        {
            await services.Voice.SayFreshAsync(context, FulfilmentPrompts.Thanks, supportCase, cancellationToken).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        // "You can reach me on 07700 900123 after 5pm" is kept on the case for whoever carries it out, and said back.
        if (ComplaintReader.ContactFrom(context.Activity.Text) is { } contact)
        {
            supportCase.UnderlyingIssues.Add(PiiMasker.Mask(context.Activity.Text!.Trim()));
            await services.Voice.SayAsync(context, FulfilmentPrompts.ContactNoted, supportCase, cancellationToken, ("contact", contact)).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        // A plain "ok" needs no recap of what they were just told.
        if (Acknowledgement().IsMatch(context.Activity.Text ?? string.Empty))
        {
            await services.Voice.SayAsync(context, FulfilmentPrompts.Noted, supportCase, cancellationToken).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        // What was promised, again: who does it and by when answers "so when will they call?" and "is it done yet?".
        var remedy = services.Catalog.Remedies.GetValueOrDefault(supportCase.RemedyId ?? string.Empty);
        var promise = remedy is { Asked.Length: > 0 } ? RemedyFacts.Wording(remedy.Asked, supportCase, supportCase.RemedyAmount()) : null;
        // An upset "this is ridiculous" is heard first, not answered with the news that there is none. A question the
        // promise does not answer ("and I won't be charged in April?") goes on the case for the team, and they hear so.
        var text = context.Activity.Text;
        var question = HandoffHandler.AsksSomething(text) && !AboutProgress().IsMatch(text!);
        if (ComplaintReader.ReadsAsQuestion(text) && KnownAnswer.From(text, remedy, supportCase, promise) is { } known)
        {
            // "Will I get an email?" when the promise says so: answered from it, not passed on as though nobody knew.
            await services.Voice.SayFreshAsync(context, FulfilmentPrompts.QuestionAnswered, supportCase, cancellationToken, ("answer", known)).ConfigureAwait(false);
            return WhilePending.Answered;
        }

        if (question)
        {
            supportCase.UnderlyingIssues.Add(PiiMasker.Mask(text!.Trim()));
        }

        var key = question ? FulfilmentPrompts.QuestionNoted
            : await HandoffHandler.IsUpsetAsync(services.Sentiment, text, cancellationToken).ConfigureAwait(false) ? FulfilmentPrompts.StillPendingUpset : FulfilmentPrompts.StillPending;
        await services.Voice.SayFreshAsync(context, key, supportCase, cancellationToken, ("remedy", remedy?.Title), ("promise", promise)).ConfigureAwait(false);
        return WhilePending.Answered;
    }

    /// <summary>
    /// A colleague approved the remedy the customer wanted: its action is queued now, with this turn, and the customer
    /// hears how it went once it is carried out. False when the remedy is information only or not the catalog's.
    /// </summary>
    public async Task<bool> QueueApprovedAsync(TurnContext context, string? approvedRemedy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await services.Cases.CaseOrNullAsync(context, cancellationToken).ConfigureAwait(false) is not { RemedyId: { } id } supportCase
            || !services.Catalog.Remedies.TryGetValue(id, out var remedy)
            || !remedy.Fulfil.IsAction
            || (approvedRemedy is not null && approvedRemedy != supportCase.RemedyWanted))
        {
            return false;
        }

        RemedyActions.Queue(context, supportCase, remedy, services.Fulfilment);
        return true;
    }

    private Task SayAskedAsync(TurnContext context, SupportCase supportCase, FulfilmentOutcome outcome, Remedy? remedy, CancellationToken cancellationToken) =>
        remedy is { Asked.Length: > 0 }
            ? CaseVoice.SayTextAsync(context, RemedyFacts.Wording(remedy.Asked, supportCase, outcome.Amount), supportCase, cancellationToken)
            : services.Voice.SayAsync(context, FulfilmentPrompts.Asked, supportCase, cancellationToken, ("remedy", outcome.RemedyTitle));

    /// <summary>The confirmed wording, with what the business or the colleague gave to quote, as one message.</summary>
    private string Done(SupportCase supportCase, FulfilmentOutcome outcome, Remedy? remedy)
    {
        // Rendered, not said: the message is addressed once, as a whole, when it is sent.
        var catalog = services.Voice.Catalog;
        string Render(string key, string name, string? value) =>
            catalog.Render(key, new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = supportCase.FirstName, [name] = value }).Text;
        var parts = new List<string> { remedy is { Done.Length: > 0 } ? RemedyFacts.Wording(remedy.Done, supportCase, outcome.Amount) : Render(FulfilmentPrompts.Done, "remedy", outcome.RemedyTitle) };
        if (outcome.Result?.Reference is { } reference)
        {
            parts.Add(Render(FulfilmentPrompts.Reference, "reference", reference));
        }

        if (outcome.Result?.TrackingUrl is { } tracking)
        {
            parts.Add(Render(FulfilmentPrompts.Tracking, "tracking_url", tracking));
        }

        if (outcome.Result?.Message is { } message)
        {
            parts.Add(Render(FulfilmentPrompts.Note, "message", message));
        }

        if (outcome.Colleague is { } colleague)
        {
            parts.Add(Render(FulfilmentPrompts.ByColleague, "agent", colleague));
        }

        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"^\W*(?:ok(?:ay)?|k|alright|all right|fine|cool|great|got it|sure|understood|right|noted|yes|yeah|yep|yup|perfect|good|bye|goodbye|see you|cheers)(?:[\s,!.]+(?:ok(?:ay)?|then|thanks?|thank you|cheers|bye|goodbye|great|perfect))*\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acknowledgement();

    /// <summary>"ok 2 then", "option 3" once a remedy went out: another of the remedies offered, picked by its place.</summary>
    private FoundChoice? PickedByPosition(SupportCase supportCase, string said)
    {
        if (!ChoiceRecognizer.HasAtMostWords(said, 4) || !Position().IsMatch(said))
        {
            return null;
        }

        var offered = RemedyAdvisor.Offer(services.Catalog, supportCase, services.Options.MaxRemediesOffered)
            .Select(r => new Choice(r.Id) { Title = r.Title }).ToList();
        return ChoiceRecognizer.Recognize(said, offered);
    }

    [GeneratedRegex(@"\b(?:\d|first|second|third|fourth|one|two|three|four|last)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"\b(?:instead|rather|actually|changed?\s+my\s+mind|prefer|switch|swap|i\s+(?:said|asked\s+for|wanted|meant)|change\s+(?:it|that)\s+to|can\s+i\s+(?:have|get)|could\s+i\s+(?:have|get)|forget\s+(?:the|about))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChangesMind();

    [GeneratedRegex(@"\b(?:bye|goodbye|take\s+care|see\s+(?:you|ya)|have\s+a\s+(?:good|nice|lovely|great)\s+(?:day|one|evening|weekend))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaysGoodbye();

    /// <summary>"It worked thanks", "all sorted now", "I'm back in": what was being done already did its job.</summary>
    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|yes|yeah|yep|great|brilliant|perfect|oh|ah)\W+)*(?:(?:it|that|this|the\s+link|the\s+reset)\s+(?:has\s+)?(?:worked|works|did\s+(?:it|the\s+trick))|(?:all\s+)?(?:sorted|fixed|working|fine)\s+now|(?:i'?m|im|i\s+am)\s+(?:back\s+)?in(?:\s+now)?|got\s+(?:back\s+)?in)\b(?!\s+(?:but|except|apart))[^?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Worked();

    /// <summary>"Is it done yet?", "when will they call?", "any news?": what the promise answers.</summary>
    [GeneratedRegex(@"\b(?:done|yet|when|how\s+long|how\s+soon|status|update|news|heard|progress|(?:what'?s|what\s+is|anything|something)\s+happening|arrive|through|ready|sorted|booked|sent|processed|call\s+me|get\s+back)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutProgress();

    // An outcome for a conversation that kept no case (its state was lost): a case with what the profile knows.
    private async Task<SupportCase> CaseFromEventAsync(TurnContext context, IReadOnlyList<FulfilmentOutcome> outcomes, CancellationToken cancellationToken)
    {
        var profile = await services.Cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        var supportCase = SupportCase.Open(context.Activity, (outcomes.Count > 0 ? outcomes[0].CaseId : string.Empty), context.TimeProvider.GetUtcNow());
        supportCase.Name(profile.Name ?? context.Activity.From?.Name);
        await services.Cases.SetCaseAsync(context, supportCase, cancellationToken).ConfigureAwait(false);
        return supportCase;
    }
}
