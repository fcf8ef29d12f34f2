namespace SupportBot.Core.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>; it ends in a prompt, NextAsync, a child dialog or EndDialogAsync.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);
