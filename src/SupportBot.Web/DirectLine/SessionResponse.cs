namespace SupportBot.Web.DirectLine;

/// <summary>The body of <c>session/getsessionid</c>.</summary>
public sealed record SessionResponse(string SessionId);
