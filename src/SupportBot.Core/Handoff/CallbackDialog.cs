using System.Text.RegularExpressions;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Sentiment;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Handoff;

/// <summary>
/// No colleague can take the case now: the customer is told when the team is there and leaves a way to be called back.
/// Asked once more at most ("hello?" is not a number): then the case simply waits in the queue for a reply here.
/// </summary>
public sealed partial class CallbackDialog : CaseDialog
{
    private const string Contact = "contact";
    private readonly HandoffServices _handoff;

    public CallbackDialog(HandoffServices handoff, CaseVoice voice, CaseState cases, int maxAttempts)
        : base(nameof(CallbackDialog), voice, cases, maxAttempts)
    {
        _handoff = handoff;
        Steps(AskAsync, TakeAsync);
        AddDialog(new TextPrompt(Contact, ContactGivenAsync) { MaxAttempts = Math.Min(2, maxAttempts) });
    }

    /// <summary>A contact, or staying to wait; a question instead ("do I need to post it back?") is kept for the colleague, and said so.</summary>
    private async Task<bool> ContactGivenAsync(PromptValidatorContext<string> prompt, CancellationToken cancellationToken)
    {
        var text = prompt.Recognized.Value;
        if (prompt.Recognized.Succeeded && (ComplaintReader.HasContact(text) || WouldRatherWait(text) || Vents(text) || HandoffHandler.AsksHowLong(text)
            || HandoffHandler.AsksForManager(text) || HandoffHandler.AsksForNumber(text)))
        {
            return true;
        }

        var supportCase = await Cases.CaseAsync(prompt.Context, cancellationToken).ConfigureAwait(false);
        if (HandoffHandler.AmountAdded(supportCase, text, CaseAmounts.CurrencyOf(supportCase, _handoff.Currency), prompt.Context.TimeProvider.GetUtcNow()) is { } amount)
        {
            // "It was 30 quid": on the case for the colleague, and said so; the call back stays on offer.
            await Voice.SayFreshAsync(prompt.Context, HandoffPrompts.AmountNoted, supportCase, cancellationToken, ("amount", amount)).ConfigureAwait(false);
        }
        else if (HandoffHandler.AsksSomething(text))
        {
            await Voice.SayFreshAsync(prompt.Context, HandoffPrompts.QuestionForColleague, supportCase, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        var options = Voice.Ask(step.Context, HandoffPrompts.NoAgents, supportCase, ("hours", _handoff.NobodyFreeBecause())) with
        {
            RetryPrompt = Voice.Line(step.Context, HandoffPrompts.CallbackRetry, supportCase),
        };
        return await step.PromptAsync(Contact, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> TakeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await CaseAsync(step, cancellationToken).ConfigureAwait(false);
        if (step.Result is string bye && KindRules.SignsOff(bye))
        {
            await Voice.SayAsync(step.Context, HandoffPrompts.WaitingGoodbye, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string other && !ComplaintReader.HasContact(other)
            && (HandoffHandler.ManagerOrNumber(supportCase, other) ?? (HandoffHandler.AsksHowLong(other) ? HandoffPrompts.WaitUnknown : null)) is { } fitting)
        {
            // "How long is the wait??", "I want a manager", "is there a number I can ring?": answered, not met with the queue line.
            await Voice.SayAsync(step.Context, fitting, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string vented && !ComplaintReader.HasContact(vented) && Vents(vented))
        {
            // "JUST FIX IT" is heard, never answered with how to leave a number: the case waits, first in its colleague's reading.
            await Voice.SayFreshAsync(step.Context, HandoffPrompts.WaitingUpset, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is not string answer || !ComplaintReader.HasContact(answer))
        {
            // No number or address after asking again: the case stays in the queue, and the reply comes here.
            await Voice.SayAsync(step.Context, HandoffPrompts.CallbackNone, supportCase, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        await TakeContactAsync(_handoff, Voice, step.Context, supportCase, answer, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the call-back contact in <paramref name="answer"/> on the case for the colleague and says it back; also
    /// when it comes later, while the customer waits ("07700 900123 after 5pm").
    /// </summary>
    internal static async Task TakeContactAsync(HandoffServices handoff, CaseVoice voice, Bot.TurnContext context, SupportCase supportCase, string answer, CancellationToken cancellationToken)
    {
        // The colleague sees all of it ("call me on 07700 900123 after 6pm"); the customer hears the number or address back.
        // "call me on 0161 496 0000 after 5pm" is said back as "0161 496 0000 after 5pm": the lead-in goes, their wish stays.
        // "sophie.t88@gmail.com, evenings after 6 are best" is said back as "sophie.t88@gmail.com (evenings after 6 are best)".
        var contact = answer.Trim();
        if (ContactReader.ReadFirst(answer) is { } found)
        {
            var when = SignOff().Replace(answer[(found.Start + found.Length)..], string.Empty).Trim().TrimStart(',', ';', '-', ' ').TrimEnd('.', '!').Trim();
            contact = when.Length == 0 ? found.Text.Trim() : $"{found.Text.Trim()} ({when})";
        }

        if (handoff.Desk is { } desk)
        {
            var note = PiiMasker.MaskPayment(answer).Trim(); // the contact itself is what the colleague needs, whole
            await desk.UpdateAsync(context, supportCase.CaseId, c => c with { Status = CaseStatus.Callback, CallbackContact = note }, cancellationToken).ConfigureAwait(false);
        }

        await voice.SayAsync(context, HandoffPrompts.CallbackTaken, supportCase, cancellationToken, ("contact", contact)).ConfigureAwait(false);
    }

    /// <summary>"… after 6pm. Cheers": the thanks at the end is no part of when to call.</summary>
    [GeneratedRegex(@"[\s,.!;-]+(?:(?:many\s+)?thanks|thank\s+(?:you|u)|thx|ty|cheers|ta|bye|x+)(?:\s+(?:a\s+lot|so\s+much|mate|again))?[\s.!x]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignOff();

    /// <summary>"JUST FIX IT", "this is a joke", a threat or a curse: anger, no contact and no question.</summary>
    private static bool Vents(string? text) =>
        ComplaintReader.OnlyVents(text) || (SignalReader.Read(text) & (FeelingSignal.Shouting | FeelingSignal.Profanity | FeelingSignal.Insult | FeelingSignal.Threat)) != 0;

    /// <summary>
    /// "No", "I'll wait", "just get me a human": no call back wanted; the case stays in the queue and the reply comes
    /// here, rather than the question again.
    /// </summary>
    private static bool WouldRatherWait(string? text) =>
        ConfirmPrompt.Recognize(text) is false || NoAnswerReader.GivesNothing(text) || PersonRequestRecognizer.AsksForPerson(text) || KindRules.SignsOff(text)
        || (text is not null && RatherWait().IsMatch(text));

    /// <summary>Staying to wait, or only taking it in: "I'll wait here", "no thanks", "ok", "thanks i guess", "fine".</summary>
    [GeneratedRegex(@"\b(wait|waiting|here|this chat|no call|don'?t call|do not call|rather not|no thanks|not now)\b|^\W*(?:ok(?:ay)?|k|fine|alright|all right|cool|sure|thanks|thank you|thx|ty|cheers|ta|great|right|whatever)\b(?:[\s,.!]+(?:then|i guess|thanks|thank you|cheers|great|fine))*[\s.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RatherWait();
}
