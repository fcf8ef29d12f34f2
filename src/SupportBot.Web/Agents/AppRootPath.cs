namespace SupportBot.Web.Agents;

/// <summary>The app's root folder (where appsettings.json and dialogs/ are).</summary>
public sealed record AppRootPath(string Path);
