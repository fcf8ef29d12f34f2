namespace SupportBot.Web.DirectLine;

/// <summary>Direct Line's error body: a stable <c>code</c> and a readable <c>message</c>.</summary>
public sealed record ErrorResponse(ErrorBody Error);
