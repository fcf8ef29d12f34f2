namespace SupportBot.Core.Bot;

/// <summary>The bot's turn handler: what it does with one inbound activity.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken);
}
