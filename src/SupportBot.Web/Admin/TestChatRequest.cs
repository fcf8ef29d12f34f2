namespace SupportBot.Web.Admin;

/// <summary>A turn of the studio's test chat: the conversation, the customer's name, and their message (or that they opened the chat).</summary>
public sealed record TestChatRequest(string? ConversationId, string? Name, string? Text, bool Join);
