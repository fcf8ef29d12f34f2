namespace SupportBot.Web.DirectLine;

/// <summary>The body of <c>tokens/generate</c>, <c>conversations</c> and <c>/directline/token</c>: who the user is.</summary>
public sealed record TokenParameters(TokenUser? User, string? Name);
