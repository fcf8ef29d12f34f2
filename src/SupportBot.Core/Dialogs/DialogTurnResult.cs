namespace SupportBot.Core.Dialogs;

/// <summary>The outcome of beginning or continuing a dialog this turn.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
