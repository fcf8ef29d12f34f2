namespace SupportBot.Core.Understanding;

/// <summary>Global requests a customer can make at any step, whatever the dialog is waiting for.</summary>
public enum Interruption
{
    None,
    Help,
    StartOver,
    AskForPerson,

    /// <summary>"Are you a bot?", "am I talking to a real person?": answered honestly, then the question stands.</summary>
    AsksIfBot,
}
