namespace SupportBot.Web.Admin;

/// <summary>A category of the catalog: its id and the title customers see on its button.</summary>
public sealed record CategoryOption(string Id, string Title);
