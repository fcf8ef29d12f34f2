using SupportBot.Core.Activities;
using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.PromptFiles;
using SupportBot.Core.State;

namespace SupportBot.Core.Support;

/// <summary>
/// The support conversation: greet by first name and ask what went wrong; acknowledge the feeling and ask which
/// kind of problem it is; ask the outcome wanted; offer to pass it to a colleague; sum it up. "Help", "start over"
/// and "talk to a person" work at any step.
/// </summary>
public sealed class SupportDialog : ComponentDialog
{
    private const string Waterfall = "supportWaterfall";
    private static readonly string[] CategoryIds = ["delivery", "defect", "billing", "other"];
    private readonly PromptSource _prompts;
    private readonly StatePropertyAccessor<UserProfile> _profile;

    public SupportDialog(PromptSource prompts, UserState userState)
        : base(nameof(SupportDialog))
    {
        ArgumentNullException.ThrowIfNull(userState);
        _prompts = prompts;
        _profile = userState.CreateProperty<UserProfile>("profile");
        AddDialog(new WaterfallDialog(Waterfall, [GreetAsync, AcknowledgeFeelingAsync, AskOutcomeAsync, ConfirmHandoffAsync, SummarizeAsync]));
        AddDialog(new TextPrompt(nameof(TextPrompt)));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var context = innerDc.Context;
        if (context.Activity.Type != ActivityTypes.Message)
        {
            return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }

        var supportCase = CurrentCase(innerDc);
        switch (InterruptionRecognizer.Recognize(context.Activity.Text))
        {
            case Interruption.Help:
                await context.SendActivityAsync(Say(innerDc, SupportPrompts.Help, supportCase), cancellationToken).ConfigureAwait(false);
                await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                return EndOfTurn;
            case Interruption.StartOver:
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await context.SendActivityAsync(Say(innerDc, SupportPrompts.StartOver, supportCase), cancellationToken).ConfigureAwait(false);
                return await innerDc.BeginDialogAsync(Waterfall, null, cancellationToken).ConfigureAwait(false);
            case Interruption.AskForPerson:
                if (supportCase is not null)
                {
                    supportCase.HandoffRequested = true;
                }

                await context.SendActivityAsync(Say(innerDc, SupportPrompts.HandoffRequested, supportCase), cancellationToken).ConfigureAwait(false);
                await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Complete, supportCase);
            default:
                return await base.OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DialogTurnResult> GreetAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        var profile = await _profile.GetAsync(step.Context, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        supportCase.FullName = CustomerName(step.Context.Activity) ?? profile.Name;
        supportCase.FirstName = FirstName(supportCase.FullName);
        profile.Name ??= supportCase.FullName;
        return await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = Message(step, SupportPrompts.Welcome, supportCase) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AcknowledgeFeelingAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        supportCase.Issue = step.Result as string;
        supportCase.NegativeWords = EmpathyPicker.CountNegativeWords(supportCase.Issue);
        await step.Context.SendActivityAsync(Message(step, EmpathyPicker.PromptKey(supportCase.NegativeWords), supportCase), cancellationToken).ConfigureAwait(false);
        var catalog = _prompts.Current;
        var choices = CategoryIds.Select(id => new Choice(id) { Title = catalog.Render($"categories.{id}").Text }).ToList();
        return await step.PromptAsync(nameof(ChoicePrompt), new PromptOptions
        {
            Prompt = Message(step, SupportPrompts.CategoryAsk, supportCase),
            RetryPrompt = Message(step, SupportPrompts.CategoryRetry, supportCase),
            Choices = choices,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskOutcomeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        supportCase.Category = step.Result is FoundChoice choice ? choice.Value : "other";
        return await step.PromptAsync(nameof(TextPrompt), new PromptOptions { Prompt = Message(step, SupportPrompts.OutcomeAsk, supportCase) }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ConfirmHandoffAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        supportCase.Outcome = step.Result as string;
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions
        {
            Prompt = Message(step, SupportPrompts.HandoffConfirm, supportCase),
            RetryPrompt = Message(step, SupportPrompts.HandoffConfirmRetry, supportCase),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> SummarizeAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var supportCase = step.GetState<SupportCase>();
        supportCase.HandoffRequested = step.Result is true or PromptGaveUp;
        var profile = await _profile.GetAsync(step.Context, () => new UserProfile(), cancellationToken).ConfigureAwait(false);
        profile.Cases++;
        await step.Context.SendActivityAsync(Message(step, SupportPrompts.Summary, supportCase), cancellationToken).ConfigureAwait(false);
        var next = supportCase.HandoffRequested ? SupportPrompts.HandoffPassed : SupportPrompts.KeptOnFile;
        await step.Context.SendActivityAsync(Message(step, next, supportCase), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(supportCase, cancellationToken).ConfigureAwait(false);
    }

    private Activity Message(WaterfallStepContext step, string key, SupportCase supportCase) => Say(step.DialogContext, key, supportCase);

    private Activity Say(DialogContext dc, string key, SupportCase? supportCase)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = supportCase?.FirstName,
            ["issue"] = supportCase?.Issue,
            ["category"] = supportCase?.Category,
            ["outcome"] = supportCase?.Outcome,
        };
        return Activity.CreateMessage(_prompts.Current.Render(key, values, seed: dc.Context.Activity.Conversation?.Id).Text);
    }

    private static SupportCase? CurrentCase(DialogContext innerDc) =>
        innerDc.Stack.LastOrDefault(i => i.Id == Waterfall) is { } waterfall ? WaterfallDialog.GetValues<SupportCase>(waterfall) : null;

    private static string? CustomerName(Activity activity)
    {
        var name = activity.From?.Name;
        if (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersAdded is { } added)
        {
            name = added.FirstOrDefault(m => m.Id != activity.Recipient?.Id)?.Name ?? name;
        }

        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static string? FirstName(string? fullName) =>
        string.IsNullOrWhiteSpace(fullName) ? null : fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
