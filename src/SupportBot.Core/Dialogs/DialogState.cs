namespace SupportBot.Core.Dialogs;

/// <summary>The persisted dialog stack; index 0 is the active dialog, as in Bot Framework.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}
