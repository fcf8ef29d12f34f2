namespace SupportBot.Web.DirectLine;

/// <summary>What a Direct Line token grants: one conversation, for one user (when known), until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string? UserId, string? UserName, DateTimeOffset Expires);
