namespace SupportBot.Web.DirectLine;

/// <summary>A user as a site names them when it mints a token.</summary>
public sealed record TokenUser(string? Id, string? Name);
