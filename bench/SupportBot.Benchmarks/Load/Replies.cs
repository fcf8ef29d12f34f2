using System.Text;
using System.Text.Json;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// The message-type activities of one <c>expectReplies</c> response: their texts and the choices they offer
/// (suggested actions and card buttons, by title and by value). Other activity types (typing, events) are ignored.
/// One instance per worker, cleared and refilled every turn.
/// </summary>
internal sealed class Replies
{
    public List<string> Texts { get; } = new(4);

    public List<string> Choices { get; } = new(8);

    public int MessageCount { get; private set; }

    /// <summary>Fills this set from a response body; returns a description of the problem if its shape is wrong.</summary>
    /// <paramref name="skipUser"/>: leave out activities from the user (the echo a Direct Line stream carries).
    public string? Load(ReadOnlyMemory<byte> body, bool skipUser = false)
    {
        Texts.Clear();
        Choices.Clear();
        MessageCount = 0;

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return $"the body is not JSON ({ex.Message})";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("activities", out var activities)
                || activities.ValueKind != JsonValueKind.Array)
            {
                return "the body is not {\"activities\":[...]}";
            }

            foreach (var activity in activities.EnumerateArray())
            {
                if (activity.ValueKind != JsonValueKind.Object
                    || !activity.TryGetProperty("type", out var type)
                    || type.ValueKind != JsonValueKind.String
                    || !type.ValueEquals("message")
                    || (skipUser && activity.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
                        && from.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String && role.ValueEquals("user")))
                {
                    continue;
                }

                MessageCount++;
                if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    var value = text.GetString();
                    if (!string.IsNullOrEmpty(value))
                    {
                        Texts.Add(value);
                    }
                }

                if (activity.TryGetProperty("suggestedActions", out var suggested) && suggested.ValueKind == JsonValueKind.Object
                    && suggested.TryGetProperty("actions", out var actions))
                {
                    AddActions(actions);
                }

                if (activity.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
                {
                    foreach (var attachment in attachments.EnumerateArray())
                    {
                        if (attachment.ValueKind == JsonValueKind.Object
                            && attachment.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
                        {
                            if (content.TryGetProperty("text", out var cardText) && cardText.ValueKind == JsonValueKind.String
                                && cardText.GetString() is { Length: > 0 } cardValue)
                            {
                                Texts.Add(cardValue);
                            }

                            if (content.TryGetProperty("buttons", out var buttons))
                            {
                                AddActions(buttons);
                            }
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether any reply text contains <paramref name="value"/> (case-insensitive).</summary>
    public bool TextContains(string value)
    {
        foreach (var text in Texts)
        {
            if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any reply text contains <paramref name="word"/> as a whole word (case-insensitive).</summary>
    public bool TextContainsWord(string word)
    {
        foreach (var text in Texts)
        {
            if (ContainsWord(text, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="choice"/> is offered: as a suggested action or button, or as a word of the text.</summary>
    public bool Offers(string choice)
    {
        foreach (var offered in Choices)
        {
            if (ContainsWord(offered, choice))
            {
                return true;
            }
        }

        return TextContainsWord(choice);
    }

    /// <summary>Whether some reply text, trimmed, ends with a question mark.</summary>
    public bool AsksQuestion()
    {
        foreach (var text in Texts)
        {
            var trimmed = text.AsSpan().TrimEnd();
            if (trimmed.Length > 0 && trimmed[^1] == '?')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short description of the replies for error reports.</summary>
    public string Describe()
    {
        var builder = new StringBuilder();
        builder.Append(MessageCount).Append(" message(s)");
        foreach (var text in Texts)
        {
            builder.Append(" | ").Append(text.Length > 200 ? string.Concat(text.AsSpan(0, 200), "...") : text);
        }

        if (Choices.Count > 0)
        {
            builder.Append(" | choices: ").AppendJoin(", ", Choices);
        }

        return builder.ToString();
    }

    private void AddActions(JsonElement actions)
    {
        if (actions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            if (action.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (action.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String
                && title.GetString() is { Length: > 0 } titleText)
            {
                Choices.Add(titleText);
            }

            if (action.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } valueText)
            {
                Choices.Add(valueText);
            }
        }
    }

    private static bool ContainsWord(string text, string word)
    {
        var start = 0;
        while (start <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            if ((index == 0 || !char.IsLetterOrDigit(text[index - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }
}
