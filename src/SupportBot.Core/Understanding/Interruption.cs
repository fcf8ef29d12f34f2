namespace SupportBot.Core.Understanding;

/// <summary>Global requests a customer can make at any step, whatever the dialog is waiting for.</summary>
public enum Interruption
{
    None,
    Help,
    StartOver,
    AskForPerson,
}
