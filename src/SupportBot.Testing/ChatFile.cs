using SupportBot.Core.Activities;

namespace SupportBot.Testing;

/// <summary>
/// Reads chatdown <c>.chat</c> files: a header (<c>user=Dana Reyes</c>, <c>bot=SupportBot</c>), then
/// <c>user:</c> and <c>bot:</c> lines; a message may continue on the following lines. Chatdown's
/// <c>[Typing]</c>, <c>[Delay=…]</c> and <c>[AttachmentLayout=…]</c> are accepted and ignored;
/// <c>[ConversationUpdate=MembersAdded=Name]</c> sends a conversationUpdate; <c>[Attachment=file type]</c> on a bot
/// line expects an attachment of that type. Three additions for testing: <c>*</c> in a bot line matches any text,
/// <c>[Suggestions=a|b|c]</c> expects exactly those suggested actions, and any other <c>name=value</c> line in the
/// header is a setting for the test that runs the file (<see cref="ConversationScript.Settings"/>). Lines starting
/// with <c>#</c> are comments.
/// </summary>
public static class ChatFile
{
    public static ConversationScript Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static ConversationScript Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var userName = "User";
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var steps = new List<ScriptStep>();
        string? role = null;
        var startLine = 0;
        var body = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void Flush()
        {
            if (role is null)
            {
                return;
            }

            steps.AddRange(ToSteps(role, startLine, body, fileName));
            role = null;
            body.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (role is null && steps.Count == 0 && line.StartsWith("user=", StringComparison.OrdinalIgnoreCase))
            {
                userName = line[5..].Trim();
                continue;
            }

            if (role is null && steps.Count == 0 && (line.StartsWith("bot=", StringComparison.OrdinalIgnoreCase) || line.StartsWith("channelId=", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (role is null && steps.Count == 0 && HeaderSetting(line) is { } setting)
            {
                settings[setting.Name] = setting.Value;
                continue;
            }

            var speaker = line.StartsWith("user:", StringComparison.OrdinalIgnoreCase) ? "user"
                : line.StartsWith("bot:", StringComparison.OrdinalIgnoreCase) ? "bot" : null;
            if (speaker is not null)
            {
                Flush();
                role = speaker;
                startLine = i + 1;
                body.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            }
            else if (role is not null)
            {
                body.Add(line.Trim());
            }
            else if (line.Trim().Length > 0)
            {
                throw new FormatException($"{fileName}:{i + 1}: expected 'user:' or 'bot:' but found \"{line}\".");
            }
        }

        Flush();
        return new ConversationScript(fileName, userName, steps) { Settings = settings };
    }

    /// <summary>A header line <c>name=value</c> (a word, then the value), or null.</summary>
    private static (string Name, string Value)? HeaderSetting(string line)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && line[..eq].All(c => char.IsLetterOrDigit(c) || c is '_' or '-') ? (line[..eq], line[(eq + 1)..].Trim()) : null;
    }

    private static IEnumerable<ScriptStep> ToSteps(string role, int line, List<string> body, string fileName)
    {
        var text = new List<string>();
        IReadOnlyList<string>? suggestions = null;
        string? attachment = null;
        foreach (var part in body)
        {
            var rest = part;
            while (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
            {
                var directive = rest[1..close];
                rest = rest[(close + 1)..].Trim();
                var (name, value) = directive.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (directive[..eq], directive[(eq + 1)..]) : (directive, string.Empty);
                switch (name.ToLowerInvariant())
                {
                    case "suggestions":
                        suggestions = value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                        break;
                    case "attachment":
                        attachment = value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts ? parts[1] : "application";
                        break;
                    case "conversationupdate":
                        var members = value.StartsWith("MembersAdded=", StringComparison.OrdinalIgnoreCase) ? value[13..].Split(',', StringSplitOptions.TrimEntries) : [];
                        yield return new ScriptStep(line, new Activity
                        {
                            Type = ActivityTypes.ConversationUpdate,
                            MembersAdded = [.. members.Select(m => new ChannelAccount { Id = "user-" + m.Replace(' ', '-').ToLowerInvariant(), Name = m })],
                        }, null);
                        break;
                    case "typing" or "delay" or "attachmentlayout":
                        break;
                    default:
                        throw new FormatException($"{fileName}:{line}: unknown directive [{directive}].");
                }
            }

            if (rest.Length > 0)
            {
                text.Add(rest);
            }
        }

        var joined = string.Join('\n', text);
        if (role == "user" && joined.Length > 0)
        {
            yield return new ScriptStep(line, Activity.CreateMessage(joined), null);
        }
        else if (role == "bot")
        {
            yield return new ScriptStep(line, null, new ExpectedReply(joined, suggestions, attachment));
        }
    }
}
