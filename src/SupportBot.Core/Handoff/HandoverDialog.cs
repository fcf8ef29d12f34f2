using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Core.Activities;
using SupportBot.Core.Bot;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.State;
using SupportBot.Core.Understanding;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Handoff;

/// <summary>
/// Hands the case to a person (begun with a <see cref="HandoffRequest"/>): first the customer sees the brief and can
/// fix or add to it in one answer; then the case goes to the desk's queue (and, on contact-center channels, out by
/// <c>handoff.initiate</c>), the customer is told honestly what happens next and where they stand, and with nobody
/// there to take it they leave a way to be called back. The customer's profile remembers the open case.
/// </summary>
public sealed partial class HandoverDialog : CaseDialog
{
    private readonly HandoffServices _handoff;
    private readonly Func<SupportCase, string, bool> _otherRemedy;

    /// <summary>The answer the remedy wanted gives itself to a question asked at the brief ("will I get an email?"), or null.</summary>
    private readonly Func<SupportCase, string, string?> _knownAnswer;

    /// <summary>
    /// A handover dialog; <paramref name="otherRemedy"/> changes the case to another remedy the customer names at the
    /// brief ("actually no, just refund me") and says whether it did.
    /// </summary>
    public HandoverDialog(HandoffServices handoff, CaseVoice voice, CaseState cases, int maxAttempts, Func<SupportCase, string, bool>? otherRemedy = null, Func<SupportCase, string, string?>? knownAnswer = null)
        : base(nameof(HandoverDialog), voice, cases, maxAttempts)
    {
        _handoff = handoff;
        _otherRemedy = otherRemedy ?? ((_, _) => false);
        _knownAnswer = knownAnswer ?? ((_, _) => null);
        Steps(ShowBriefAsync, CheckBriefAsync, HandOverAsync, DoneAsync);
        AddDialog(new CallbackDialog(handoff, voice, cases, maxAttempts));
    }

    private async Task<DialogTurnResult> ShowBriefAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<HandoffRequest>() ?? new HandoffRequest(HandoffReason.CustomerAsked);
        var supportCase = await Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        supportCase.HandoffReason = request.Reason;
        supportCase.ApprovalReason = request.ApprovalReason;
        if (request.Reason == HandoffReason.FrustrationRising && supportCase.Moods is [.., { Threat: not null }])
        {
            // "I'm going to leave you and post a review everywhere": answered before anything else is said.
            await Voice.EmpathizeAsync(step.Context, supportCase, cancellationToken).ConfigureAwait(false);
        }

        if (request.Reason == HandoffReason.OpenCaseFollowUp || !request.Review || string.IsNullOrWhiteSpace(supportCase.Complaint))
        {
            // Nothing to review: the case is already with a colleague, the customer just wrote all there is, or they
            // asked for a person without saying what it is about (never an empty brief; the colleague will ask).
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var brief = CaseSummary.Of(supportCase).ForCustomer();
        if (request.Reason is HandoffReason.CustomerAsked or HandoffReason.FrustrationRising && supportCase.Moods.TakeLast(2).Any(m => m.Heat >= 2))
        {
            // "JUST GET ME A HUMAN": an upset customer gets the person now, not a question about the brief first; so does
            // one who asks calmly right after telling something upsetting.
            await Voice.SayAsync(step.Context, HandoffPrompts.ShowBrief, supportCase, cancellationToken, ("brief", brief)).ConfigureAwait(false);
            return await step.NextAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.ReviewBrief, supportCase, ("brief", brief)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"Have I got that right?" "No": what to change is asked once; anything else goes on as the customer's addition.</summary>
    private async Task<DialogTurnResult> CheckBriefAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is string withdrawn && PushbackReader.DeclinesColleague(withdrawn)
            && await Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false) is { HandoffReason: not HandoffReason.Serious } kept)
        {
            // "No, don't bother a colleague, I'll look it up myself": not passed on, and nothing is pressed on them.
            kept.HandoffReason = null;
            kept.ApprovalReason = null;
            await Voice.SayAsync(step.Context, HandoffPrompts.Withdrawn, kept, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string reply && ConfirmPrompt.Recognize(reply) is false && reply.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
        {
            var supportCase = await Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.AskCorrection, supportCase), cancellationToken).ConfigureAwait(false);
        }

        if (step.Result is string puzzled && Puzzled().IsMatch(puzzled))
        {
            // "?" is no question for the colleague, nor a yes: what the read-back is for, and the answer taken next.
            var supportCase = await Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
            return await step.PromptAsync(Text, Voice.Ask(step.Context, HandoffPrompts.ExplainBrief, supportCase), cancellationToken).ConfigureAwait(false);
        }

        return await step.NextAsync(step.Result, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> HandOverAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var supportCase = await Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false);
        if (step.Result is string addition && !ComplaintReader.MeansNothingElse(addition) && !ComplaintReader.ConfirmsBrief(addition)
            && !AlreadyToldReader.OnlyReminds(addition) && !HandoffHandler.AsksIfAnyoneThere(addition))
        {
            supportCase.CustomerAddition = PiiMasker.Mask(addition.Trim());
            if (CaseAmounts.Take(supportCase, addition, CaseAmounts.CurrencyOf(supportCase, _handoff.Currency), context.TimeProvider.GetUtcNow()) is { } changed)
            {
                await Voice.SayAsync(context, CaseAmounts.CorrectedPrompt, supportCase, cancellationToken, ("amount", changed), ("item", supportCase.AmountFor ?? "it")).ConfigureAwait(false);
            }
            else if (CaseOrderNumber.Correct(supportCase, addition, context.TimeProvider.GetUtcNow(), CaseAmounts.CurrencyOf(supportCase, _handoff.Currency)) is { } order)
            {
                await Voice.SayAsync(context, CaseOrderNumber.CorrectedPrompt, supportCase, cancellationToken, ("order", order)).ConfigureAwait(false);
            }
            else if (CaseWhen.Correct(supportCase, CorrectionReader.Read(addition, context.TimeProvider.GetUtcNow(), _handoff.Currency), addition, Voice) is { } when)
            {
                await Voice.SayAsync(context, CaseWhen.CorrectedPrompt, supportCase, cancellationToken, ("when", when)).ConfigureAwait(false);
            }
            else if (_otherRemedy(supportCase, addition))
            {
                await Voice.SayAsync(context, HandoffPrompts.RemedyChanged, supportCase, cancellationToken, ("remedy", supportCase.RemedyText() ?? supportCase.RemedyWanted)).ConfigureAwait(false);
            }
            else if (ComplaintReader.ReadsAsQuestion(addition) && _knownAnswer(supportCase, addition) is { } known)
            {
                // "Will I need to take it to the post office?" when the remedy's own wording says: answered, and still
                // on the case for the colleague.
                await Voice.SayAsync(context, HandoffPrompts.QuestionAnswered, supportCase, cancellationToken, ("answer", known)).ConfigureAwait(false);
            }
            else if (PushbackReader.AsksInEarnest(addition))
            {
                // "Is that £62.50 or £125?" is not a yes: it is the first thing the colleague answers, and the customer hears so.
                await Voice.SayAsync(context, HandoffPrompts.QuestionForColleague, supportCase, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // "No, that's wrong, it was the blue one": not something the bot changes itself, but never passed over in silence.
                await Voice.SayAsync(context, HandoffPrompts.AdditionNoted, supportCase, cancellationToken).ConfigureAwait(false);
            }
        }

        supportCase.HandedOverAt = context.TimeProvider.GetUtcNow();
        supportCase.WithColleague = true;
        supportCase.Agent = null;
        var profile = await Cases.ProfileAsync(context, cancellationToken).ConfigureAwait(false);
        profile.Cases++;
        var reminder = supportCase.Mirrored is { Length: > 0 } mirrored ? mirrored : $"a problem with {(supportCase.CategoryTitle ?? "your case").ToLowerInvariant()}";
        profile.OpenCase = new OpenCase(supportCase.CaseId, reminder, supportCase.Category ?? "other", supportCase.OpenedAt);
        var reason = supportCase.HandoffReason ?? HandoffReason.CustomerAsked;
        var said = reason == HandoffReason.CustomerAsked && string.IsNullOrWhiteSpace(supportCase.Complaint) ? HandoffPrompts.CustomerAskedUntold
            : reason == HandoffReason.CustomerAsked && HandoffHandler.WantsManager(supportCase) ? HandoffPrompts.CustomerAskedManager
            : step.GetOptions<HandoffRequest>() is { ColleagueArranges: true } ? (supportCase.RemedyText() is null ? HandoffPrompts.Handoff(HandoffReason.CustomerAsked) : HandoffPrompts.Arranged)
            : reason == HandoffReason.RemedyNeedsApproval && supportCase.RemedyId is null && supportCase.RemedyWanted is not null ? HandoffPrompts.OwnRemedy
            : HandoffPrompts.Handoff(reason);
        await Voice.SayAsync(context, said, supportCase, cancellationToken, ("remedy", supportCase.RemedyText() ?? "this")).ConfigureAwait(false);

        var channel = context.Activity.ChannelId ?? string.Empty;
        if (_handoff.ContactCenterChannels.Contains(channel))
        {
            // The Bot Framework handoff protocol: the contact center gets the brief and the conversation so far.
            await context.SendActivityAsync(await HandoffInitiateAsync(context, supportCase, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        if (_handoff.Desk is not { } desk || !_handoff.UsesDesk(channel))
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        var position = await desk.OpenAsync(context, supportCase, context.Activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        if (!_handoff.AgentsAvailable())
        {
            return await step.BeginDialogAsync(nameof(CallbackDialog), null, cancellationToken).ConfigureAwait(false);
        }

        var wait = (await desk.EstimateAsync(position, cancellationToken).ConfigureAwait(false)).Describe() ?? "hard to estimate just now";
        await Voice.SayAsync(context, HandoffPrompts.Queue, supportCase, cancellationToken, ("position", position.ToString(CultureInfo.InvariantCulture)), ("wait", wait)).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> DoneAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(null, cancellationToken);

    /// <summary>The <c>handoff.initiate</c> event: the brief as its value, the transcript so far as an attachment.</summary>
    private async Task<Activity> HandoffInitiateAsync(TurnContext context, SupportCase supportCase, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var transcript = _handoff.Transcripts is { } store
            ? await store.GetTranscriptAsync(activity.ChannelId!, activity.Conversation!.Id!, 0, cancellationToken).ConfigureAwait(false)
            : [];
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = DeskEvents.HandoffInitiate,
            Value = JsonSerializer.SerializeToElement(CaseSummary.Of(supportCase), StateJson.Options),
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/vnd.microsoft.activity.transcript",
                    Content = JsonSerializer.SerializeToNode<List<Activity>>([.. transcript, .. context.Replies], StateJson.Options),
                },
            ],
        };
    }

    /// <summary>"?", "huh?", "what do you mean?": puzzled by the question, not answering it.</summary>
    [GeneratedRegex(@"^\W*(?:\?+|huh|eh|what|sorry|what\s+do\s+(?:you|u)\s+mean|meaning|i\s+don'?t\s+(?:get|understand)(?:\s+(?:it|that|what\s+(?:you|u)\s+mean))?)[\s?!.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Puzzled();
}
