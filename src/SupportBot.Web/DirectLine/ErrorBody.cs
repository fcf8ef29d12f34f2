namespace SupportBot.Web.DirectLine;

/// <summary>The error itself.</summary>
public sealed record ErrorBody(string Code, string Message);
