using SupportBot.Core.Bot;
using SupportBot.Core.Dialogs;
using SupportBot.Core.State;

namespace SupportBot.Core.Tests;

/// <summary>A bot that runs one dialog on every message, for engine tests.</summary>
internal sealed class DialogBot(Dialog dialog, ConversationState conversationState) : IBot
{
    private readonly StatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>("dialogState");

    public DialogTurnResult? LastResult { get; private set; }

    public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        LastResult = await dialog.RunAsync(turnContext, _dialogState, cancellationToken);
    }
}
