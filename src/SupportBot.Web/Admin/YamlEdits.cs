using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Web.Admin;

/// <summary>
/// Edits the text of a file under <c>dialogs/</c> in place, so the file stays the admin's: comments, order, quoting
/// and layout are kept, and only the value edited changes. A node is found by a path of mapping keys, where
/// <c>id=x</c> picks the item of a list whose <c>id</c> is <c>x</c>. The caller checks the result with the files'
/// own loaders before anything is written.
/// </summary>
public static class YamlEdits
{
    /// <summary>Replaces the value at <paramref name="path"/> with <paramref name="value"/> (YAML, e.g. a quoted scalar), or adds the key to its mapping when it is missing.</summary>
    /// <exception cref="FormatException">The text is not YAML, or the path leads nowhere.</exception>
    public static string Set(string text, IReadOnlyList<string> path, string value)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        var root = Root(text);
        var parent = Find(root, path.Take(path.Count - 1), path);
        if (parent is not YamlMappingNode mapping)
        {
            throw new FormatException($"'{string.Join(" › ", path.Take(path.Count - 1))}' is not a mapping.");
        }

        var key = path[^1];
        var existing = mapping.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == key);
        var childIndent = new string(' ', (int)mapping.Start.Column + 1);
        if (existing.Value is { } node)
        {
            var (start, end) = Span(text, node);
            if (IsBlockCollection(node) && IsBlock(value))
            {
                return string.Concat(text.AsSpan(0, start), Indented(value, new string(' ', (int)node.Start.Column - 1)), text.AsSpan(end));
            }

            if (IsBlock(value))
            {
                // A block in place of a scalar or flow value starts on the line after its key.
                var colon = text.IndexOf(':', (int)existing.Key.End.Index) + 1;
                return text[..colon] + "\n" + childIndent + Indented(value, childIndent) + text[end..];
            }

            return string.Concat(text.AsSpan(0, start), value, text.AsSpan(end));
        }

        // A new key goes on a line of its own after the mapping's last, at its keys' indentation.
        var keyIndent = new string(' ', (int)mapping.Start.Column - 1);
        var at = LineEnd(text, Span(text, mapping).End);
        var written = IsBlock(value) ? ":\n" + childIndent + Indented(value, childIndent) : ": " + value;
        return text[..at] + "\n" + keyIndent + key + written + text[at..];
    }

    /// <summary>Adds <paramref name="item"/> (YAML; lines after the first are indented with it) at the end of the list at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The text is not YAML, or the path does not lead to a list.</exception>
    public static string Append(string text, IReadOnlyList<string> path, string item)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(item);
        if (Find(Root(text), path, path) is not YamlSequenceNode sequence)
        {
            throw new FormatException($"'{string.Join(" › ", path)}' is not a list.");
        }

        if (sequence.Style == SequenceStyle.Flow)
        {
            var close = FlowEnd(text, (int)sequence.Start.Index) - 1;
            var separator = sequence.Children.Count == 0 ? string.Empty : ", ";
            return string.Concat(text.AsSpan(0, close), separator, item, text.AsSpan(close));
        }

        // A block list: "- " at the column of its first dash, after the line its last item ends on.
        var dash = DashColumn(text, sequence);
        var indent = new string(' ', dash);
        var at = LineEnd(text, Span(text, sequence).End);
        return text[..at] + "\n" + indent + "- " + Indented(item, indent + "  ") + text[at..];
    }

    /// <summary>The scalar text at <paramref name="path"/>, or null when there is none.</summary>
    public static string? Read(string text, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return (Find(Root(text), path, path) as YamlScalarNode)?.Value;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary><paramref name="value"/> as a double-quoted YAML scalar, on one line.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A flow list (<c>[a, "two words"]</c>), quoting only the items that need it.</summary>
    public static string FlowList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return "[" + string.Join(", ", items.Select(i => i.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && i.Length > 0 && char.IsAsciiLetterOrDigit(i[0]) ? i : Quote(i))) + "]";
    }

    /// <summary>A number as YAML writes it, e.g. <c>75</c> or <c>12.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static YamlNode Root(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"The file is not valid YAML (line {ex.Start.Line}): {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : throw new FormatException("The file is empty.");
    }

    private static YamlNode Find(YamlNode root, IEnumerable<string> steps, IReadOnlyList<string> path)
    {
        var node = root;
        foreach (var step in steps)
        {
            YamlNode? next = node switch
            {
                YamlMappingNode mapping => mapping.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == step).Value,
                YamlSequenceNode sequence when step.StartsWith("id=", StringComparison.Ordinal) => sequence.Children
                    .OfType<YamlMappingNode>()
                    .FirstOrDefault(m => m.Children.Any(c => (c.Key as YamlScalarNode)?.Value == "id" && (c.Value as YamlScalarNode)?.Value == step[3..])),
                _ => null,
            };
            node = next ?? throw new FormatException($"'{string.Join(" › ", path)}' is not in the file (no '{step}').");
        }

        return node;
    }

    /// <summary>
    /// Where a node's text starts and ends. A collection's own end mark is not where its text ends (a block one can
    /// lie past comments that follow it), so a block collection ends where its last value does and a flow one at its
    /// closing bracket; trailing white space and line breaks stay outside.
    /// </summary>
    private static (int Start, int End) Span(string text, YamlNode node)
    {
        var end = EndOf(text, node);
        while (end > (int)node.Start.Index && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return ((int)node.Start.Index, end);
    }

    private static int EndOf(string text, YamlNode node) => node switch
    {
        YamlMappingNode { Style: MappingStyle.Flow } or YamlSequenceNode { Style: SequenceStyle.Flow } => FlowEnd(text, (int)node.Start.Index),
        YamlMappingNode { Children.Count: > 0 } mapping => EndOf(text, mapping.Children.Last().Value),
        YamlSequenceNode { Children.Count: > 0 } sequence => EndOf(text, sequence.Children[^1]),
        _ => (int)node.End.Index,
    };

    /// <summary>Just past the bracket that closes the flow collection opening at <paramref name="start"/>, quotes skipped.</summary>
    private static int FlowEnd(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        i += text[i] == '\\' ? 1 : 0;
                    }

                    break;
                case '\'':
                    for (i++; i < text.Length && !(text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\'')); i++)
                    {
                        i += text[i] == '\'' ? 1 : 0;
                    }

                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return text.Length;
    }

    private static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline;
    }

    private static int DashColumn(string text, YamlSequenceNode sequence)
    {
        var first = sequence.Children[0];
        var lineStart = text.LastIndexOf('\n', Math.Max(0, (int)first.Start.Index - 1)) + 1;
        var dash = text.IndexOf('-', lineStart);
        return dash >= 0 && dash < (int)first.Start.Index ? dash - lineStart : (int)first.Start.Column - 1;
    }

    /// <summary>Whether a value is written as a block (a mapping's lines), not on its key's line (a scalar, a flow list or mapping).</summary>
    private static bool IsBlock(string value) =>
        value.Length > 0 && value[0] is not ('"' or '\'' or '[' or '{') && (value.Contains('\n', StringComparison.Ordinal) || value.Contains(": ", StringComparison.Ordinal));

    private static bool IsBlockCollection(YamlNode node) =>
        node is YamlMappingNode { Style: not MappingStyle.Flow } or YamlSequenceNode { Style: not SequenceStyle.Flow };

    private static string Indented(string value, string indent) => value.Replace("\n", "\n" + indent, StringComparison.Ordinal);
}
