namespace SupportBot.Web.DirectLine;

/// <summary>
/// The body of <c>tokens/generate</c>, <c>conversations</c> and <c>/directline/token</c>: who the user is, and the
/// origins of the pages the token may be used from.
/// </summary>
public sealed record TokenParameters(TokenUser? User, string? Name, IReadOnlyList<string>? TrustedOrigins = null);
