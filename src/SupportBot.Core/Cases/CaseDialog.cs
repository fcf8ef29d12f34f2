using SupportBot.Core.Dialogs;
using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Cases;

/// <summary>
/// A part of the conversation about a case: a component with one waterfall of steps and the prompts it asks with
/// (text, choice, yes/no, each retried up to <c>Support:MaxAttempts</c>), saying its lines through the case's voice.
/// </summary>
public abstract class CaseDialog : ComponentDialog
{
    protected const string Text = nameof(TextPrompt);
    protected const string Choose = nameof(ChoicePrompt);
    protected const string Confirm = nameof(ConfirmPrompt);

    protected CaseDialog(string dialogId, CaseVoice voice, CaseState cases, int maxAttempts)
        : base(dialogId)
    {
        Voice = voice;
        Cases = cases;
        StepsId = dialogId + ".steps";
        AddDialog(new TextPrompt(Text) { MaxAttempts = maxAttempts });
        AddDialog(new ChoicePrompt(Choose) { MaxAttempts = maxAttempts });
        AddDialog(new ConfirmPrompt(Confirm) { MaxAttempts = maxAttempts });
    }

    /// <summary>Says things the bot's way.</summary>
    protected CaseVoice Voice { get; }

    /// <summary>The conversation's case and the customer's profile.</summary>
    protected CaseState Cases { get; }

    /// <summary>The id of the waterfall of this dialog's steps (to begin it again, for a loop).</summary>
    protected string StepsId { get; }

    /// <summary>Sets this dialog's steps, in order; they run when it begins.</summary>
    protected void Steps(params WaterfallStep[] steps)
    {
        AddDialog(new WaterfallDialog(StepsId, steps));
        InitialDialogId = StepsId;
    }

    /// <summary>The conversation's case.</summary>
    protected Task<SupportCase> CaseAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Cases.CaseAsync(step.Context, cancellationToken);
    }
}
