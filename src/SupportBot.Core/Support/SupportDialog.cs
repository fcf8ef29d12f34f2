using SupportBot.Core.Activities;
using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Handoff;
using SupportBot.Core.Understanding;

namespace SupportBot.Core.Support;

/// <summary>
/// The support conversation, step by step: greet the customer by name, hear what happened and acknowledge the
/// feeling before the problem, ask the clarifying questions still open, peel the layers ("is anything else
/// bothering you?"), offer a remedy in the customer's best interest, and close (sorted? a rating, thanks). Any step
/// may end asking for a person (<see cref="HandoffRequest"/>): the case then goes to a colleague with its brief.
/// "Help", "start over" and "talk to a person" work at any step. Begun with a <see cref="DeskEventOutcome"/>, it
/// resumes where a desk event left the case (the close, a call-back, a check-in); begun with a
/// <see cref="HandoffRequest"/>, it hands the case over.
/// </summary>
public sealed class SupportDialog : ComponentDialog
{
    private const string Steps = "support";
    private readonly SupportServices _services;

    public SupportDialog(SupportServices services)
        : base(nameof(SupportDialog))
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        AddDialog(new WaterfallDialog(Steps, [GreetAsync, HearComplaintAsync, ClarifyAsync, PeelLayersAsync, OfferRemedyAsync, CloseAsync, FinishAsync]));
        AddDialog(new GreetingDialog(services));
        AddDialog(new ComplaintDialog(services));
        AddDialog(new ClarifyDialog(services));
        AddDialog(new LayersDialog(services));
        AddDialog(new RemedyDialog(services));
        AddDialog(new CloseDialog(services));
        AddDialog(new QuestionDialog(services));
        AddDialog(new HandoverDialog(services.Handoff, services.Voice, services.Cases, services.Options.MaxAttempts, (supportCase, text) => RemedyChange.To(services.Catalog, supportCase, text),
            (supportCase, text) => KnownAnswer.From(text, services.Catalog.Remedies.GetValueOrDefault(supportCase.RemedyId ?? string.Empty), supportCase)));
        AddDialog(new CallbackDialog(services.Handoff, services.Voice, services.Cases, services.Options.MaxAttempts));
        AddDialog(new CheckInDialog(services.Voice, services.Cases, services.Options.MaxAttempts));
        InitialDialogId = Steps;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var result = options switch
        {
            DeskEventOutcome { Next: AfterDeskEvent.Close } => await innerDc.BeginDialogAsync(nameof(CloseDialog), null, cancellationToken).ConfigureAwait(false),
            DeskEventOutcome { Next: AfterDeskEvent.Callback } => await innerDc.BeginDialogAsync(nameof(CallbackDialog), null, cancellationToken).ConfigureAwait(false),
            DeskEventOutcome { Next: AfterDeskEvent.CheckIn } checkIn => await innerDc.BeginDialogAsync(nameof(CheckInDialog), checkIn.Value, cancellationToken).ConfigureAwait(false),
            HandoffRequest request => await innerDc.BeginDialogAsync(nameof(HandoverDialog), request, cancellationToken).ConfigureAwait(false),
            _ => await base.OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false),
        };
        return await HandOverIfAskedAsync(innerDc, result, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var context = innerDc.Context;
        var interruption = context.Activity.Type == ActivityTypes.Message && innerDc.Stack.Any(i => i.Id == Steps)
            ? InterruptionRecognizer.Recognize(context.Activity.Text)
            : Interruption.None;
        switch (interruption)
        {
            case Interruption.Help:
                var supportCase = await _services.Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false);
                await _services.Voice.SayAsync(context, SupportPrompts.Help, supportCase, cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case Interruption.AsksIfBot:
                // Honest about what it is, and the way to a person; then the question it had asked stands.
                await _services.Voice.SayAsync(context, SupportPrompts.BotIdentity, await _services.Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case Interruption.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await _services.Voice.SayAsync(context, SupportPrompts.StartOver, await _services.Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(Steps, null, cancellationToken).ConfigureAwait(false);
            case Interruption.AskForPerson when innerDc.ActiveDialog?.Id == nameof(ComplaintDialog) && PersonRequestRecognizer.SaysMoreThanAskingForPerson(context.Activity.Text):
                // "My app crashed again, get me a person": the problem is heard and kept first, then the case goes to one.
                return await HandOverIfAskedAsync(innerDc, await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            case Interruption.AskForPerson:
                return await HandOverOnRequestAsync(innerDc, cancellationToken).ConfigureAwait(false);
            case Interruption.None when innerDc.ActiveDialog?.Id is nameof(ClarifyDialog) or nameof(LayersDialog) or nameof(RemedyDialog) && PersonRequestRecognizer.RequestsPersonWithin(context.Activity.Text):
                // "The thing I paid for isn't there. Is this a bot? Can I talk to a real person": a person now, and
                // what else they wrote goes with the case, never filed as the answer to the question asked.
                var asking = await _services.Cases.CaseAsync(context, cancellationToken).ConfigureAwait(false);
                asking.UnderlyingIssues.Add(PiiMasker.Mask(context.Activity.Text!.Trim()));
                return await HandOverOnRequestAsync(innerDc, cancellationToken).ConfigureAwait(false);
            default:
                return await HandOverIfAskedAsync(innerDc, await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// "Agent please": the case goes to a person. Before anything is told, the customer is first asked once what it's
    /// about, in a line (their answer, or a second request, goes to the complaint part, which hands over).
    /// </summary>
    private async Task<DialogTurnResult> HandOverOnRequestAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var active = innerDc.ActiveDialog?.Id;
        if (active is nameof(GreetingDialog) or nameof(ComplaintDialog))
        {
            var supportCase = await _services.Cases.CaseAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
            if (supportCase.Complaint is null && supportCase.AskedForPersonFirst)
            {
                return await HandOverIfAskedAsync(innerDc, await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }

            if (supportCase.Complaint is null)
            {
                var start = new ComplaintStart(WantsPerson: true);
                return active == nameof(GreetingDialog)
                    ? await innerDc.EndDialogAsync(start, cancellationToken).ConfigureAwait(false)
                    : await innerDc.ReplaceDialogAsync(nameof(ComplaintDialog), start, cancellationToken).ConfigureAwait(false);
            }
        }

        // "I want to speak to a manager": the colleague reads that first, and the customer hears it is there. How the
        // request was said counts too: "I'm going to the ombudsman unless a manager calls me" is not asked to check a brief.
        var handedOver = await _services.Cases.CaseAsync(innerDc.Context, cancellationToken).ConfigureAwait(false);
        HandoffHandler.NoteManager(handedOver, innerDc.Context.Activity.Text);
        if (!string.IsNullOrWhiteSpace(innerDc.Context.Activity.Text))
        {
            await _services.ReadMoodAsync(handedOver, innerDc.Context.Activity.Text, cancellationToken).ConfigureAwait(false);
        }

        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(nameof(HandoverDialog), new HandoffRequest(HandoffReason.CustomerAsked), cancellationToken).ConfigureAwait(false);
    }

    // 1. Greeting by name (asked once when unknown; a returning customer is reminded of an open case).
    private static Task<DialogTurnResult> GreetAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(nameof(GreetingDialog), null, cancellationToken);

    // 2. "What happened?", the empathy line, the category.
    private static Task<DialogTurnResult> HearComplaintAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.BeginDialogAsync(nameof(ComplaintDialog), step.Result as ComplaintStart, cancellationToken);

    // 3. The category's clarifying questions still open; a plain question goes its own way.
    private async Task<DialogTurnResult> ClarifyAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = await _services.Cases.CaseAsync(step.Context, cancellationToken).ConfigureAwait(false);
        if (step.Result is not (HandoffRequest or ConversationDone) && SeriousMatterReader.IsSerious(supportCase.Complaint))
        {
            // "Someone got into my account and placed orders I didn't make": no questions and no catalog, a person now.
            return await step.EndDialogAsync(new HandoffRequest(HandoffReason.Serious), cancellationToken).ConfigureAwait(false);
        }

        return await Next(step, supportCase.Category == SupportCatalog.Question ? nameof(QuestionDialog) : nameof(ClarifyDialog), cancellationToken).ConfigureAwait(false);
    }

    // 4. "Is anything else about this bothering you?"
    private static Task<DialogTurnResult> PeelLayersAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        Next(step, nameof(LayersDialog), cancellationToken);

    // 5. A remedy from the catalog: granted, or passed on for approval.
    private static Task<DialogTurnResult> OfferRemedyAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        Next(step, nameof(RemedyDialog), cancellationToken);

    // 6. Sorted? A rating, thanks by name.
    private static Task<DialogTurnResult> CloseAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        Next(step, nameof(CloseDialog), cancellationToken);

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);

    /// <summary>The next part of the conversation, unless the last one asked for a person or finished it.</summary>
    private static Task<DialogTurnResult> Next(WaterfallStepContext step, string dialogId, CancellationToken cancellationToken) =>
        step.Result is HandoffRequest or ConversationDone
            ? step.EndDialogAsync(step.Result, cancellationToken)
            : step.BeginDialogAsync(dialogId, null, cancellationToken);

    /// <summary>When the conversation ended asking for a person, the case goes to one.</summary>
    private static async Task<DialogTurnResult> HandOverIfAskedAsync(DialogContext innerDc, DialogTurnResult result, CancellationToken cancellationToken) =>
        result is { Status: DialogTurnStatus.Complete, Result: HandoffRequest request }
            ? await innerDc.BeginDialogAsync(nameof(HandoverDialog), request, cancellationToken).ConfigureAwait(false)
            : result;
}
