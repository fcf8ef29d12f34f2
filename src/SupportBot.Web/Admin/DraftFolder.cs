namespace SupportBot.Web.Admin;

/// <summary>
/// The studio's draft: a copy of the live <c>dialogs/</c> folder beside the bot's data (<c>data/studio-draft/dialogs</c>),
/// where changes wait to be tried in the test chat before they are published, and the live files as they were when
/// the draft began (<c>base</c>), so publishing can tell a file someone changed meanwhile. The bot never reads it.
/// </summary>
public sealed class DraftFolder(string location, string live)
{
    private int _revision;

    /// <summary>The draft's <c>dialogs</c> folder (named so, so errors name files as the live ones do).</summary>
    public string Directory { get; } = Path.Combine(location, "dialogs");

    /// <summary>The live files as they were when the draft began.</summary>
    public string BaseDirectory { get; } = Path.Combine(location, "base");

    /// <summary>The live folder the draft was copied from and is published to.</summary>
    public string LiveDirectory { get; } = live;

    /// <summary>Changes with every write to the draft, so what was built from it knows to rebuild.</summary>
    public int Revision => Volatile.Read(ref _revision);

    public bool Exists => System.IO.Directory.Exists(Directory);

    /// <summary>Starts a draft from the live files, unless one is under way.</summary>
    public void EnsureStarted()
    {
        if (Exists)
        {
            return;
        }

        var staging = Path.Combine(Path.GetDirectoryName(Directory)!, "starting");
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        StudioChecks.Copy(LiveDirectory, Path.Combine(staging, "base"));
        StudioChecks.Copy(LiveDirectory, Path.Combine(staging, "dialogs"));
        if (System.IO.Directory.Exists(BaseDirectory))
        {
            System.IO.Directory.Delete(BaseDirectory, recursive: true);
        }

        System.IO.Directory.Move(Path.Combine(staging, "base"), BaseDirectory);
        System.IO.Directory.Move(Path.Combine(staging, "dialogs"), Directory);
        System.IO.Directory.Delete(staging, recursive: true);
        Touched();
    }

    /// <summary>Throws the draft away.</summary>
    public void Discard()
    {
        foreach (var folder in new[] { Directory, BaseDirectory })
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }

        Touched();
    }

    /// <summary>Marks the draft changed.</summary>
    public void Touched() => Interlocked.Increment(ref _revision);

    /// <summary>The files the draft changed (relative, e.g. <c>catalog/remedies.yaml</c>), with their text at the start of the draft (null: new) and now.</summary>
    public IReadOnlyList<(string File, string? Base, string Draft)> Changes()
    {
        if (!Exists)
        {
            return [];
        }

        var changes = new List<(string, string?, string)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Directory, path).Replace('\\', '/');
            var draft = File.ReadAllText(path);
            var basePath = Path.Combine(BaseDirectory, file);
            var original = File.Exists(basePath) ? File.ReadAllText(basePath) : null;
            if (original != draft)
            {
                changes.Add((file, original, draft));
            }
        }

        return changes;
    }
}
