using System.Buffers;
using System.Text.Json;
using SupportBot.Core.Activities;

namespace SupportBot.Web.Endpoints;

/// <summary>
/// Reads one JSON activity from a request body within a byte limit, for every endpoint that accepts activities
/// (<c>/api/messages</c> and Direct Line). Mistakes come back as a <see cref="BodyFault"/>, never as an exception.
/// </summary>
public static class ActivityBody
{
    public static async Task<(Activity? Activity, BodyFault? Fault)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new BodyFault(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"The body must be JSON (Content-Type: application/json), not '{contentType}'.", "body"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 64 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > maxBytes)
                    {
                        return (null, TooLarge(maxBytes));
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
            }

            if (length == 0)
            {
                return (null, new BodyFault(StatusCodes.Status400BadRequest, "Empty body", "The body must be a JSON activity.", "body"));
            }

            var activity = JsonSerializer.Deserialize(buffer.AsSpan(0, length), ActivityJson.Default.Activity);
            if (LoneSurrogate(buffer.AsSpan(0, length)) is { } where)
            {
                return (null, new BodyFault(StatusCodes.Status400BadRequest, "Malformed activity", $"A string at {where} holds half of a surrogate pair (such as \\ud800 alone), which is not text.", where.TrimStart('$', '.')));
            }

            return activity is null
                ? (null, new BodyFault(StatusCodes.Status400BadRequest, "Invalid activity", "The body must be a JSON object: a Bot Framework activity.", "body"))
                : (activity, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, new BodyFault(StatusCodes.Status400BadRequest, "Malformed activity", $"The body is not a valid activity{where}: {FirstSentence(ex.Message)}", field));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The path of the first string whose <c>\\u</c> escapes leave half a surrogate pair (which no store or client can
    /// encode), or null. Typed members already fail to deserialize; this catches raw ones (channelData, value,
    /// entities). Bodies without a <c>\\u</c> escape are not read twice.
    /// </summary>
    private static string? LoneSurrogate(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json);
        var path = new Stack<string>();
        var property = "[]";
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
            {
                try
                {
                    var text = reader.GetString()!;
                    property = reader.TokenType == JsonTokenType.PropertyName ? text : property;
                }
                catch (InvalidOperationException)
                {
                    return string.Join('.', path.Reverse().Append(property).Prepend("$"));
                }
            }
            else if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString()!;
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > 0)
            {
                path.Push(property);
                property = "[]";
            }
            else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth > 0)
            {
                property = path.Pop();
            }
        }

        return null;
    }

    private static BodyFault TooLarge(int max) =>
        new(StatusCodes.Status400BadRequest, "Body too large", $"The body is over the {max:N0}-byte limit (Messages:MaxBodyBytes).", "body");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
