namespace SupportBot.Web.Hosting;

/// <summary>
/// Finds the folder holding <c>appsettings.json</c> and <c>dialogs/</c>: the one configuration file users edit.
/// <c>SUPPORTBOT_ROOT</c> names it explicitly; otherwise the current folder and its parents are searched, then the
/// folder the app was published to.
/// </summary>
public static class AppRoot
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("SUPPORTBOT_ROOT") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "dialogs")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
