using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>Reads any ISO 8601 offset; writes UTC with an explicit <c>Z</c>, as the protocol asks of timestamps (A2043).</summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && (reader.TryGetDateTimeOffset(out var value)
                || DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)))
        {
            return value;
        }

        throw new JsonException("The timestamp must be an ISO 8601 date and time, e.g. \"2024-05-02T09:14:03.417Z\".");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[32];
        writer.WriteStringValue(value.UtcDateTime.TryFormat(text, out var length, Format, CultureInfo.InvariantCulture)
            ? text[..length]
            : value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
