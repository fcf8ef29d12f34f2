using System.Buffers;
using System.Text.Json;

namespace SupportBot.Benchmarks.Load;

/// <summary>
/// Writes the message activity of one turn into a reusable buffer. The constant parts are pre-encoded once;
/// per request only the ids, the text and the timestamp are written. One writer per worker, not thread-safe:
/// the returned memory is valid until the next <see cref="Write"/>.
/// </summary>
internal sealed class ActivityWriter : IDisposable
{
    public const string CustomerName = "Dana Reyes";
    public const string CustomerFirstName = "Dana";

    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText ChannelId = JsonEncodedText.Encode("channelId");
    private static readonly JsonEncodedText LoadTest = JsonEncodedText.Encode("loadtest");
    private static readonly JsonEncodedText ServiceUrl = JsonEncodedText.Encode("serviceUrl");
    private static readonly JsonEncodedText ServiceUrlValue = JsonEncodedText.Encode("http://127.0.0.1:1/");
    private static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Customer = JsonEncodedText.Encode(CustomerName);
    private static readonly JsonEncodedText Recipient = JsonEncodedText.Encode("recipient");
    private static readonly JsonEncodedText Bot = JsonEncodedText.Encode("bot");
    private static readonly JsonEncodedText BotName = JsonEncodedText.Encode("SupportBot");
    private static readonly JsonEncodedText Conversation = JsonEncodedText.Encode("conversation");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Locale = JsonEncodedText.Encode("locale");
    private static readonly JsonEncodedText EnUs = JsonEncodedText.Encode("en-US");
    private static readonly JsonEncodedText DeliveryMode = JsonEncodedText.Encode("deliveryMode");
    private static readonly JsonEncodedText ExpectReplies = JsonEncodedText.Encode("expectReplies");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public ActivityWriter() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    /// <summary>Writes one message activity and returns its UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Write(string conversationId, string userId, string activityId, string text)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);

        _writer.WriteStartObject();
        _writer.WriteString(Type, Message);
        _writer.WriteString(Id, activityId);
        _writer.WriteString(ChannelId, LoadTest);
        _writer.WriteString(ServiceUrl, ServiceUrlValue);

        _writer.WriteStartObject(From);
        _writer.WriteString(Id, userId);
        _writer.WriteString(Name, Customer);
        _writer.WriteEndObject();

        _writer.WriteStartObject(Recipient);
        _writer.WriteString(Id, Bot);
        _writer.WriteString(Name, BotName);
        _writer.WriteEndObject();

        _writer.WriteStartObject(Conversation);
        _writer.WriteString(Id, conversationId);
        _writer.WriteEndObject();

        _writer.WriteString(Text, text);
        _writer.WriteString(Locale, EnUs);
        _writer.WriteString(DeliveryMode, ExpectReplies);
        _writer.WriteString(Timestamp, DateTime.UtcNow);
        _writer.WriteEndObject();
        _writer.Flush();

        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
