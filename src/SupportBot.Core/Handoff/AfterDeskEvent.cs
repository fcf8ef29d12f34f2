namespace SupportBot.Core.Handoff;

/// <summary>What the conversation does after a desk event was handled.</summary>
public enum AfterDeskEvent
{
    /// <summary>Carry on with whatever dialog is under way.</summary>
    Carry,

    /// <summary>End the dialogs under way: the case is finished.</summary>
    EndDialogs,

    /// <summary>Close the case with the customer: resolved? a rating, thanks.</summary>
    Close,

    /// <summary>Take a way to call the customer back.</summary>
    Callback,

    /// <summary>Ask whether the fix held.</summary>
    CheckIn,
}
