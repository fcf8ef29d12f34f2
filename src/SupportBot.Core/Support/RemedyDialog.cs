using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Offers the category's remedies from the catalog, best for the customer first, plus "something else"; grants the
/// chosen one on the spot when its approval rules allow. Money is granted only when it is right: the amount must be
/// the one the remedy pays for (a delivery fee is never the item's price), so when it is not known the bot asks for
/// it ("What did the lamp cost?") before deciding. A remedy that depends on what the bot cannot see (a reset link to
/// an email the customer may be locked out of) is offered only once the customer says it would reach them. A granted
/// remedy that is information is said with its next steps; one that must be carried out is queued as an action with
/// the turn (<see cref="RemedyActions"/>) and nothing is claimed yet: the customer hears how it went once it is carried
/// out (<see cref="FulfilmentHandler"/>), and the dialog ends with <see cref="ConversationDone"/> until then. Ends with
/// a <see cref="HandoffRequest"/> when a colleague must approve it, honestly saying why.
/// </summary>
public sealed partial class RemedyDialog : CaseDialog
{
    private readonly SupportServices _services;

    private const string SomethingElseId = "something_else";

    /// <summary>"What would put this right for you?", which answers a question about the remedies ("how long does a refund take?") before asking again.</summary>
    private const string OwnRemedy = "remedy.own";

    /// <summary>The choice of remedy, which answers a question about them ("how long does a refund take?") before asking again.</summary>
    private const string ChooseRemedy = "remedy.choose";

    /// <summary>"What did the lamp cost?"</summary>
    private const string AmountPrompt = "remedy.amount";

    public RemedyDialog(SupportServices services)
        : base(nameof(RemedyDialog), services.Voice, services.Cases, services.Options.MaxAttempts)
    {
        _services = services;
        AddDialog(new ChoicePrompt(ChooseRemedy, AnswerQuestionsAsync) { MaxAttempts = services.Options.MaxAttempts + 1 });
        AddDialog(new TextPrompt(OwnRemedy, AnswerQuestionsInWordsAsync) { MaxAttempts = services.Options.MaxAttempts + 1 });
        AddDialog(new TextPrompt(AmountPrompt, AnswerAboutTheRemedyAsync) { MaxAttempts = services.Options.MaxAttempts + 1 });
        Steps(AskFirstAsync, OfferAsync, ChooseAsync, AskAmountAsync, GrantOrHandOverAsync);
    }

    /// <summary>"Can you still open the emails sent to k***@example.com?", when a remedy to offer depends on it and what they wrote doesn't say.</summary>
    private async Task<DialogTurnResult> AskFirstAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (supportCase.Category == "account" && SlotReader.OnlyChangesDetails(supportCase.Complaint))
        {
            // "Change the email on my account": no reset link or credit fits; a colleague checks it's them and makes the change.
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "the customer wants their account details changed, which needs an identity check", ColleagueArranges: true), cancellationToken).ConfigureAwait(false);
        }

        supportCase.EmailWorks ??= RemedyFacts.EmailWorksFromWords(supportCase);
        if (!RemedyAdvisor.MustAskFirst(_services.Catalog, supportCase, _services.Options.MaxRemediesOffered))
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var prompt = Voice.Ask(step.Context, FulfilmentPrompts.CheckEmail, supportCase, ("account", RemedyFacts.AccountEmail(supportCase)));
        return await step.PromptAsync(Confirm, prompt, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> OfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is bool emailWorks)
        {
            // "Yes I can open my emails, your reset emails just never arrive!!": a link by email would not arrive either.
            supportCase.EmailWorks = emailWorks && !RemedyFacts.MailNeverArrives(step.Context.Activity.Text);
        }

        var remedies = RemedyAdvisor.Offer(_services.Catalog, supportCase, _services.Options.MaxRemediesOffered);
        supportCase.RemediesOffered = [.. remedies.Select(r => TitleIn(r, supportCase))];
        var somethingElse = Voice.Catalog.Render(SupportPrompts.SomethingElse).Text;
        var options = Voice.Ask(step.Context, SupportPrompts.OfferRemedies, supportCase) with
        {
            RetryPrompt = Voice.Line(step.Context, SupportPrompts.OfferRetry, supportCase),
            Choices = [.. RemedyChoices(remedies, supportCase), new Choice(SomethingElseId) { Title = somethingElse, Synonyms = NoneOfThese }],
        };
        // Asked for already ("refund the delivery" when asked if anything else bothered them): not asked to choose it
        // again, even when it is not among the few offered first.
        if (supportCase.RemedyAsked is { } asked && RemedyNames.NamedRemedy(_services.Catalog, supportCase, asked) is { } named)
        {
            supportCase.RemedyAsked = null;
            return await step.NextAsync(named, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(ChooseRemedy, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A question at the choice ("ok and how long does it take", "do I have to send it back?") is answered from the
    /// remedies' <c>about</c> (only the one it names, when it names one: "how long will the refund take?" does not
    /// choose the refund), then the choice is asked again; anything else is a choice or not, as recognized.
    /// </summary>
    private async Task<bool> AnswerQuestionsAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Context.Activity.Text ?? string.Empty;
        if (await CorrectedAsync(prompt.Context, text, cancellationToken).ConfigureAwait(false) is { } corrected)
        {
            // "No wait, it was 45 not 54" with the choices on screen: put right and said back, then the same choice again;
            // "REFUND. it happened on the 3rd not next month" chose as well.
            await prompt.Context.SendActivityAsync(corrected, cancellationToken).ConfigureAwait(false);
            return (prompt.Recognized is { Succeeded: true, Value: { } chose } && _services.Catalog.Remedies.ContainsKey(chose.Value)
                    && RemediesWanted.Read(_services.Catalog, text, prompt.Options.Choices ?? []).Count == 1)
                || await ChoicePrompt.AskAgainAsync(prompt, cancellationToken).ConfigureAwait(false);
        }

        if (!prompt.Recognized.Succeeded && await _services.HearAnotherProblemAsync(prompt.Context, await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false), text, cancellationToken).ConfigureAwait(false))
        {
            // "And the double charge??" with the choices on screen: another problem, kept for the fix, then the same choice.
            return await ChoicePrompt.AskAgainAsync(prompt, cancellationToken).ConfigureAwait(false);
        }

        if (!prompt.Recognized.Succeeded && !PushbackReader.AsksAboutTheFix(text) && PushbackReader.AsksInEarnest(text) && !PushbackReader.StatesOwnWish(text)
            && RemediesWanted.Read(_services.Catalog, text, prompt.Options.Choices ?? []).Count == 0)
        {
            // "Where do I send the photos?" with the choices on screen: heard and kept for a proper answer, then the
            // same choice again, never the bare "which of these?" that ignores it.
            await _services.AnswerOrKeepAsync(prompt.Context, await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false), text, cancellationToken).ConfigureAwait(false);
            return await ChoicePrompt.AskAgainAsync(prompt, cancellationToken).ConfigureAwait(false);
        }

        if (!PushbackReader.AsksAboutTheFix(text) && !RemedyQuestion.AsksIfChosen(text))
        {
            // "No thanks, I'll just wait" picks none of them, and needs none: the choice is done. "I want an apology and
            // for him to be disciplined" picks none of them either: it is their own remedy, said already.
            return prompt.Recognized.Succeeded || PushbackReader.WantsNothingDone(text) || PushbackReader.StatesOwnWish(text)
                || RemediesWanted.Read(_services.Catalog, text, prompt.Options.Choices ?? []).Count > 1;
        }

        var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
        var offered = (prompt.Options.Choices ?? []).Where(c => _services.Catalog.Remedies.ContainsKey(c.Value)).ToList();
        var named = prompt.Recognized is { Succeeded: true, Value: { } found } ? offered.Where(c => c.Value == found.Value && RemedyNames.ByWords(c, found)).ToList() : [];
        var about = About(named.Count > 0 ? named : offered, supportCase);
        if (about.Length == 0)
        {
            return prompt.Recognized.Succeeded;
        }

        var answer = Voice.FreshLine(prompt.Context, SupportPrompts.RemedyAbout, supportCase, ("about", about));
        await prompt.Context.SendActivityAsync(ChoicePrompt.WithChoices(answer with { InputHint = InputHints.ExpectingInput }, prompt.Options.Choices), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>The line saying what a correction in <paramref name="text"/> changed on the case (amount, order number, day); null when none.</summary>
    private async Task<Activity?> CorrectedAsync(TurnContext context, string text, CancellationToken cancellationToken)
    {
        var now = context.TimeProvider.GetUtcNow();
        var currency = _services.Options.Currency;
        if (CorrectionReader.Read(text, now, currency) is not { } correction || (correction.Amount is null && correction.OrderNumber is null && correction.Date is null))
        {
            return null;
        }

        var supportCase = await Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false);
        if (correction.OrderNumber is not null && CaseOrderNumber.Correct(supportCase, correction, text) is { } order)
        {
            return Voice.FreshLine(context, CaseOrderNumber.CorrectedPrompt, supportCase, ("order", order));
        }

        return CaseWhen.Correct(supportCase, correction, text, Voice) is { } when ? Voice.FreshLine(context, CaseWhen.CorrectedPrompt, supportCase, ("when", when))
            : correction.Amount is not null && CaseAmounts.Take(supportCase, text, _services.CurrencyOf(supportCase), now) is { } amount
            ? Voice.FreshLine(context, CaseAmounts.CorrectedPrompt, supportCase, ("amount", amount), ("item", supportCase.AmountFor ?? "it"))
            : null;
    }

    /// <summary>
    /// "How long does a refund take?" in reply to "what would put this right for you?" asks, and chooses nothing: it is
    /// answered from the remedy it names (or all those offered), which are offered again.
    /// </summary>
    private async Task<bool> AnswerQuestionsInWordsAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Context.Activity.Text ?? string.Empty;
        if (!PushbackReader.AsksAboutTheFix(text))
        {
            return prompt.Recognized.Succeeded;
        }

        var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
        var choices = RemedyChoices(RemedyAdvisor.Offer(_services.Catalog, supportCase, _services.Options.MaxRemediesOffered), supportCase);
        var named = ChoiceRecognizer.Recognize(text, choices) is { } found && RemedyNames.ByWords(choices[found.Index], found) ? choices.Where(c => c.Value == found.Value).ToList() : choices;
        var about = About(named, supportCase);
        if (about.Length == 0)
        {
            return prompt.Recognized.Succeeded;
        }

        var answer = Voice.FreshLine(prompt.Context, SupportPrompts.RemedyAbout, supportCase, ("about", about));
        await prompt.Context.SendActivityAsync(ChoicePrompt.WithChoices(answer with { InputHint = InputHints.ExpectingInput }, choices), cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>A refund asked for by a customer chasing one already promised: never paid again without a colleague.</summary>
    private static bool ChasesRefund(Remedy remedy, SupportCase supportCase) => remedy.PaysFor == MoneyPurpose.Item && remedy.Fulfil.IsAction && RemedyFacts.ChasesPromisedRefund(supportCase);

    /// <summary>What each remedy of <paramref name="choices"/> involves and how long it takes, from its <c>about</c>.</summary>
    private string About(IEnumerable<Choice> choices, SupportCase supportCase) => string.Join(' ', choices
        .Select(c => _services.Catalog.Remedies[c.Value])
        .Where(r => r.About.Length > 0)
        .Select(r => $"{Capitalize(TitleIn(r, supportCase))}: {RemedyFacts.Wording(r.About, supportCase, supportCase.RemedyAmount()).TrimEnd('.')}."));

    private async Task<DialogTurnResult> ChooseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var text = step.Context.Activity.Text ?? string.Empty;
        if (step.Result is FoundChoice or null && RemedyQuestion.RefusesAll(text))
        {
            // "Neither really - I don't want it cancelled now. I want it to end on the 30th. And a refund of what?": none of
            // them, whatever else it names; their own wish when they say it, else asked for it.
            return RemedyQuestion.WishInstead(text) is { } wish
                ? await step.NextAsync(wish, cancellationToken).ConfigureAwait(false)
                : await step.PromptAsync(OwnRemedy, Voice.Ask(step.Context, SupportPrompts.AskOwnRemedy, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (await TwoAtOnceAsync(step, supportCase, text, cancellationToken).ConfigureAwait(false) is { } both)
        {
            return both;
        }

        switch (step.Result)
        {
            case FoundChoice { Value: SomethingElseId } or null when PushbackReader.WantsNothingDone(step.Context.Activity.Text):
                return await NothingWantedAsync(step, supportCase, step.Context.Activity.Text!, cancellationToken).ConfigureAwait(false);
            case null when PushbackReader.StatesOwnWish(step.Context.Activity.Text):
                // Their own remedy in their own words already: not asked for it again.
                return await step.NextAsync(step.Context.Activity.Text, cancellationToken).ConfigureAwait(false);
            case FoundChoice { Value: SomethingElseId } when (PushbackReader.StatesOwnWish(text) && !ChoiceRecognizer.HasAtMostWords(text, 2)) || PushbackReader.WishAfterNumber(text) is not null:
                // "Refund for the days I had no service" (its "no" names "Something else"), "4. compensation for my lost wages": their own remedy, said already.
                return await step.NextAsync(PushbackReader.WishAfterNumber(text) ?? text, cancellationToken).ConfigureAwait(false);
            case FoundChoice { Value: SomethingElseId }:
                return await step.PromptAsync(OwnRemedy, Voice.Ask(step.Context, SupportPrompts.AskOwnRemedy, supportCase), cancellationToken).ConfigureAwait(false);
            case FoundChoice choice:
                // "Can I just get my money back? It was $64": the amount said with the choice is not asked for again.
                supportCase.RemedyId = choice.Value;
                await _services.TakeAmountsAsync(step.Context, supportCase, step.Context.Activity.Text ?? string.Empty, cancellationToken).ConfigureAwait(false);
                if (AlsoWants().Match(text) is { Success: true } also)
                {
                    // "Refund obviously. And make sure the subscription is cancelled this time": that goes on the case too.
                    supportCase.UnderlyingIssues.Add(PiiMasker.Mask(also.Groups["also"].Value.Trim()));
                }

                return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
            default:
                return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"Refund me and cancel it": both, not one of them; a colleague does the two together. Null when one or none.</summary>
    private async Task<DialogTurnResult?> TwoAtOnceAsync(WaterfallStepContext step, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        if (RemediesWanted.Read(_services.Catalog, text, RemedyChoices(RemedyAdvisor.Offer(_services.Catalog, supportCase, _services.Options.MaxRemediesOffered), supportCase)) is not { Count: > 1 } together)
        {
            return null;
        }

        supportCase.RemedyWanted = string.Join(" and ", together.Select(r => TitleIn(r, supportCase)));
        await _services.TakeAmountsAsync(step.Context, supportCase, text, cancellationToken).ConfigureAwait(false);
        await _services.ReadMoodAsync(supportCase, text, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "the customer wants two remedies at once"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "No thanks, I'm happy to wait": nothing needs doing, so nothing is pressed on them and no colleague is called;
    /// they hear that writing here again picks it up where it stands.
    /// </summary>
    private async Task<DialogTurnResult> NothingWantedAsync(WaterfallStepContext step, SupportCase supportCase, string text, CancellationToken cancellationToken)
    {
        await _services.ReadMoodAsync(supportCase, text, cancellationToken).ConfigureAwait(false);
        supportCase.NothingWanted = true;
        await Voice.SayAsync(step.Context, SupportPrompts.NothingWanted, supportCase, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is string askedFor && await TwoAtOnceAsync(step, supportCase, askedFor, cancellationToken).ConfigureAwait(false) is { } both)
        {
            // "Something else", then "a new appointment and compensation for the wasted day": both, with a colleague.
            return both;
        }

        if (step.Result is string words && ChoiceRecognizer.Recognize(words, RemedyNames.Choices(RemedyAdvisor.Offer(_services.Catalog, supportCase, _services.Options.MaxRemediesOffered))) is { } named
            && !RemedyFacts.AsksMoreThan(_services.Catalog.Remedies[named.Value], words, _services.CurrencyOf(supportCase)))
        {
            // "Something else", then "just refund me": one of the remedies after all, granted by its own rules.
            supportCase.RemedyId = named.Value;
            await _services.TakeAmountsAsync(step.Context, supportCase, words, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is string fine && PushbackReader.WantsNothingDone(fine))
        {
            return await NothingWantedAsync(step, supportCase, fine, cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is string nothing && (ComplaintReader.MeansNothingElse(nothing) || NoAnswerReader.GivesNothing(nothing)
            || (ConfirmPrompt.Recognize(nothing) is true && ChoiceRecognizer.HasAtMostWords(nothing, 3))))
        {
            // "No" again, "I don't know", or a bare "yes" that names nothing: nothing from the catalog and nothing of their own; a colleague looks at what's possible.
            await _services.ReadMoodAsync(supportCase, nothing, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "none of the remedies offered fits, and the customer didn't say what would", ColleagueArranges: true), cancellationToken).ConfigureAwait(false);
        }
        else if (step.Result is string ownWords)
        {
            supportCase.RemedyWanted = PiiMasker.Mask(PushbackReader.WishWords(ownWords));
            await _services.TakeAmountsAsync(step.Context, supportCase, ownWords, cancellationToken).ConfigureAwait(false);
            await _services.ReadMoodAsync(supportCase, ownWords, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "the customer asked for something outside the catalog"), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is PromptGaveUp || supportCase.RemedyId is null || !_services.Catalog.Remedies.TryGetValue(supportCase.RemedyId, out var remedy))
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        supportCase.RemedyWanted = TitleIn(remedy, supportCase);
        supportCase.RemedyPaysFor = remedy.PaysFor;
        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (remedy.PaysFor is null || ChasesRefund(remedy, supportCase) || !RemedyAdvisor.Check(remedy, RemedyAdvisor.AmountFor(remedy, supportCase), profile, _services.Options.Currency).AmountUnknown)
        {
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // Only the amount stands between the customer and their money: ask for it, for the thing the remedy pays for.
        step.GetState<AmountAsked>().Asked = true;
        var item = CaseItem.Named(supportCase, remedy, step.Context.TimeProvider.GetUtcNow(), _services.CurrencyOf(supportCase));
        var itemWords = item is null ? null : CaseItem.Definite(ComplaintReader.SayBack(item.Words));
        // "What did your order hasn't cost?": words that say what happened are no name for the thing; "it" it is.
        var prompt = Voice.Ask(step.Context, SupportPrompts.AskAmount, supportCase, ("item", itemWords is not null && NotAThing().IsMatch(itemWords) ? null : itemWords), ("remedy", remedy.Title));
        return await step.PromptAsync(AmountPrompt, prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// "How long will that take?" asked back at "what did the lamp cost?" gives no amount: it is answered from the
    /// remedy's <c>about</c>, and the amount asked for again, rather than taken as "I don't know".
    /// </summary>
    private async Task<bool> AnswerAboutTheRemedyAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Recognized.Value;
        if (!PushbackReader.AsksAboutTheFix(text) || MoneyReader.ReadReply(text, _services.Options.Currency).Count > 0)
        {
            return prompt.Recognized.Succeeded;
        }

        var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
        var about = supportCase.RemedyId is { } id && _services.Catalog.Remedies.ContainsKey(id) ? About([new Choice(id)], supportCase) : string.Empty;
        if (about.Length == 0)
        {
            return prompt.Recognized.Succeeded;
        }

        await prompt.Context.SendActivityAsync(Voice.FreshLine(prompt.Context, SupportPrompts.RemedyAboutChosen, supportCase, ("about", about)), cancellationToken).ConfigureAwait(false);
        if (prompt.Options.Prompt is { } again)
        {
            await prompt.Context.SendActivityAsync(again, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<DialogTurnResult> GrantOrHandOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var remedy = _services.Catalog.Remedies.GetValueOrDefault(supportCase.RemedyId ?? string.Empty);
        if (remedy is null)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.NotUnderstood), cancellationToken).ConfigureAwait(false);
        }

        if (step.GetState<AmountAsked>().Asked && step.Result is string refusal && RemedyChange.Refuses(refusal, remedy))
        {
            // "It's not a full refund, it's the delivery charge refunded PLUS a replacement mug": no price; what they want, in their words.
            var together = RemediesWanted.Read(_services.Catalog, refusal, RemedyNames.Choices(RemedyNames.RemediesOf(_services.Catalog, supportCase)));
            supportCase.RemedyId = null;
            supportCase.RemedyPaysFor = null;
            supportCase.RemedyWanted = together.Count > 1 ? string.Join(" and ", together.Select(r => TitleIn(r, supportCase))) : PiiMasker.Mask(PushbackReader.OwnWishAfterRefusal(refusal) ?? refusal.Trim());
            await _services.ReadMoodAsync(supportCase, refusal, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, "asked what it cost, the customer turned that remedy down and said what they want instead"), cancellationToken).ConfigureAwait(false);
        }

        if (step.GetState<AmountAsked>().Asked && step.Result is string reply)
        {
            // "89 pounds", "£89", "it was 89": the amount for what the remedy pays; "I don't know" leaves it to a colleague.
            var item = CaseItem.Named(supportCase, remedy, step.Context.TimeProvider.GetUtcNow(), _services.CurrencyOf(supportCase));
            if (CaseOrderNumber.Correct(supportCase, reply, step.Context.TimeProvider.GetUtcNow(), _services.CurrencyOf(supportCase)) is { } order)
            {
                // "No, the order number is 12354 not 12345" puts the order right; its figures are never the price.
                await Voice.SayAsync(step.Context, SupportPrompts.OrderNumberCorrected, supportCase, cancellationToken, ("order", order)).ConfigureAwait(false);
            }

            await _services.ReadMoodAsync(supportCase, reply, cancellationToken).ConfigureAwait(false);
            if (remedy.PaysFor == MoneyPurpose.Item && CaseAmounts.NoPurchasePrice(reply, _services.CurrencyOf(supportCase)))
            {
                // "I didn't buy the router, it's yours, I pay 65 a month": no price to refund; a colleague works out what is owed.
                return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, $"asked what {item?.Value ?? "it"} cost, the customer said: “{PiiMasker.Mask(reply)}”; a colleague works out what to refund", ColleagueArranges: true), cancellationToken).ConfigureAwait(false);
            }

            CaseAmounts.TakeReply(supportCase, reply, remedy.PaysFor ?? MoneyPurpose.Item, _services.CurrencyOf(supportCase), item?.Value);
            if (AlreadyToldReader.OnlyReminds(reply))
            {
                // Had they said it, it would be known: own the miss; a colleague takes it from here rather than ask again.
                await Voice.SayFreshAsync(step.Context, SupportServices.SayingBack(SupportPrompts.Missed, supportCase), supportCase, cancellationToken).ConfigureAwait(false);
            }
        }

        var profile = await Cases.ProfileAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var amount = RemedyAdvisor.AmountFor(remedy, supportCase);
        var check = ChasesRefund(remedy, supportCase)
            ? new ApprovalCheck(false, "the customer is chasing a refund already promised; a colleague checks where it is before paying again")
            : RemedyAdvisor.Check(remedy, amount, profile, _services.Options.Currency);
        if (!check.AutoApproved)
        {
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.RemedyNeedsApproval, check.Reason, ColleagueArranges: remedy.Approval.Always), cancellationToken).ConfigureAwait(false);
        }

        profile.RemediesGranted++;
        var pays = supportCase.RemedyAmount();
        supportCase.Granted.Add(new GrantedRemedy(remedy.Id, remedy.Title, pays?.Value, pays?.Currency, ByColleague: false, step.Context.TimeProvider.GetUtcNow()));
        if (remedy.Fulfil.IsAction)
        {
            // Nothing is claimed yet: the customer hears how it went once the business's system or a colleague has it.
            RemedyActions.Queue(step.Context, supportCase, remedy, _services.Fulfilment);
            return await step.EndDialogAsync(new ConversationDone(), cancellationToken).ConfigureAwait(false);
        }

        var nextSteps = RemedyFacts.Wording(remedy.NextSteps, supportCase, supportCase.RemedyAmount());
        await Voice.SayAsync(step.Context, SupportPrompts.RemedyGranted, supportCase, cancellationToken, ("remedy", remedy.Title), ("next_steps", nextSteps)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The remedies as buttons, each titled as it would be in this case (a refund of an overcharge says how much).</summary>
    private List<Choice> RemedyChoices(IEnumerable<Remedy> remedies, SupportCase supportCase) =>
        [.. remedies.Select(r => new Choice(r.Id) { Title = Capitalize(TitleIn(r, supportCase)), Synonyms = [.. r.Synonyms, r.Title] })];

    /// <summary>
    /// <paramref name="remedy"/>'s title in this case: a refund of what was charged over the price is not "a full
    /// refund" but "a refund of the $12.00 you were overcharged" (<c>remedies.overcharge_refund</c>), and of a payment
    /// taken twice "a refund of the duplicate charge" (<c>remedies.duplicate_refund</c>), the order kept.
    /// </summary>
    private string TitleIn(Remedy remedy, SupportCase supportCase) =>
        remedy.PaysFor != MoneyPurpose.Item ? remedy.Title
        : supportCase.AmountFor == OverchargeReader.Overcharge && supportCase.AmountText() is { } amount
            ? Voice.Catalog.Render(SupportPrompts.OverchargeRefund, new Dictionary<string, string?>(StringComparer.Ordinal) { ["amount"] = amount }).Text
        : RemedyFacts.ChargedTwice(supportCase) ? Voice.Catalog.Render(SupportPrompts.DuplicateRefund).Text
        : remedy.Title;

    /// <summary>"No" or "none of these" to the remedies offered: something else, in their own words.</summary>
    private static readonly string[] NoneOfThese = ["no", "nope", "none", "neither", "none of these", "none of them", "none of those", "not those", "nothing", "other", "something different"];


    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Whether this round asked the customer for the amount.</summary>
    private sealed class AmountAsked
    {
        public bool Asked { get; set; }
    }

    /// <summary>"… and make sure it's cancelled", "… plus cancel the subscription": something wanted besides the remedy chosen.</summary>
    [GeneratedRegex(@"(?:[.!;,]|\band)\s*(?:also\s+|please\s+)*(?<also>(?:make\s+sure|ensure|plus|also|cancel|stop|close|remove)\b[^.!?]{6,})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AlsoWants();

    [GeneratedRegex(@"\b(?:has|have|had|hasn'?t|haven'?t|is|isn'?t|was|wasn'?t|were|did|didn'?t|does|doesn'?t|won'?t|can'?t|never|not|arrived|came|come|got)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAThing();
}
