namespace SupportBot.Core.Support;

/// <summary>A part of the conversation's word that nothing more is to be done: the steps after it are skipped.</summary>
public sealed record ConversationDone;
