namespace SupportBot.Web.Admin;

/// <summary>The signed-in admin, as the studio's header shows them.</summary>
public sealed record AdminView(string Login, string? Name);
