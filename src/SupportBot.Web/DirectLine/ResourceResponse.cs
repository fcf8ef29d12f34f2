namespace SupportBot.Web.DirectLine;

/// <summary>What a successful post returns: the id given to the activity.</summary>
public sealed record ResourceResponse(string Id);
