using System.Text;

namespace SupportBot.Web.Hosting;

/// <summary>Files that hold key material or hashes: readable and writable by the app's own user only.</summary>
public static class PrivateFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (creating its folder), owner-only on Unix.</summary>
    public static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(text);
    }
}
