namespace SupportBot.Web.Admin;

/// <summary>
/// A line diff of two versions of a file (longest common subsequence), shown when a save is refused because the file
/// changed since it was opened: what changed, with a few unchanged lines around each change.
/// </summary>
public static class LineDiff
{
    private const int Context = 2;

    public static IReadOnlyList<DiffLine> Of(string older, string newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var a = Lines(older);
        var b = Lines(newer);

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var all = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                all.Add(new DiffLine(" ", b[y], y + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                all.Add(new DiffLine("-", a[x], x + 1));
                x++;
            }
            else
            {
                all.Add(new DiffLine("+", b[y], y + 1));
                y++;
            }
        }

        return Trim(all);
    }

    /// <summary>Keeps the changed lines and a little context around each; runs of unchanged lines become one "…".</summary>
    private static List<DiffLine> Trim(List<DiffLine> all)
    {
        var keep = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Op != " ")
            {
                for (var k = Math.Max(0, i - Context); k <= Math.Min(all.Count - 1, i + Context); k++)
                {
                    keep[k] = true;
                }
            }
        }

        var result = new List<DiffLine>();
        for (var i = 0; i < all.Count; i++)
        {
            if (keep[i])
            {
                result.Add(all[i]);
            }
            else if (result.Count == 0 || result[^1].Op != "…")
            {
                result.Add(new DiffLine("…", string.Empty, 0));
            }
        }

        return result;
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
}
