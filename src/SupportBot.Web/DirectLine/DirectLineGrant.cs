namespace SupportBot.Web.DirectLine;

/// <summary>
/// What a Direct Line token grants: one conversation, for one user (when known), until it expires; and, when the
/// site named them, only to pages of those origins (<c>trustedOrigins</c>).
/// </summary>
public sealed record DirectLineGrant(string ConversationId, string? UserId, string? UserName, DateTimeOffset Expires, IReadOnlyList<string>? TrustedOrigins = null);
