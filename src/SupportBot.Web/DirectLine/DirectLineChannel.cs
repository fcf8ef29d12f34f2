using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.Handoff;
using SupportBot.Core.Transcripts;
using SupportBot.Web.Channels;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// The built-in Direct Line channel: conversations whose activities run through the same <see cref="TurnRunner"/>
/// as <c>/api/messages</c>, and whose history (the user's activities, echoed with their ids, and the bot's
/// replies) is the conversation's transcript. A watermark is a position in that transcript, so a client that
/// reconnects with one gets exactly what came after it, from memory or from disk after a restart.
/// </summary>
public sealed partial class DirectLineChannel
{
    /// <summary>The channel id of every activity that comes in through Direct Line.</summary>
    public const string ChannelId = "directline";

    private readonly TurnRunner _turns;
    private readonly ITranscriptStore _transcripts;
    private readonly TimeProvider _time;
    private readonly ChannelAccount _bot;
    private readonly ILogger _logger;

    // Conversations started by a caller that did not say who the user is: the bot hears of the user with their first activity.
    private readonly ConcurrentDictionary<string, byte> _awaitingUser = new(StringComparer.Ordinal);

    public DirectLineChannel(TurnRunner turns, ITranscriptStore transcripts, TimeProvider time, string botId, string botName, ILogger<DirectLineChannel> logger)
    {
        _turns = turns;
        _transcripts = transcripts;
        _time = time;
        _bot = new ChannelAccount { Id = botId, Name = botName, Role = "bot" };
        _logger = logger;
    }

    /// <summary>
    /// Starts a conversation: tells the bot the user joined (so it greets them), or, when the user is not known yet,
    /// waits for their first activity. Returns false when the conversation had already started, with the watermark
    /// a new stream should start from.
    /// </summary>
    public async Task<(bool Created, int Watermark)> StartAsync(string conversationId, ChannelAccount? user, string serviceUrl, CancellationToken cancellationToken)
    {
        var existing = (await _transcripts.GetTranscriptAsync(ChannelId, conversationId, 0, cancellationToken).ConfigureAwait(false)).Count;
        if (existing > 0 || _awaitingUser.ContainsKey(conversationId))
        {
            return (false, existing);
        }

        if (user is null)
        {
            _awaitingUser.TryAdd(conversationId, 0);
        }
        else
        {
            await JoinAsync(conversationId, user, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        LogStarted(_logger, conversationId);
        return (true, 0);
    }

    /// <summary>Whether the conversation has started (it has a history, or waits for its user).</summary>
    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        _awaitingUser.ContainsKey(conversationId)
        || (await _transcripts.GetTranscriptAsync(ChannelId, conversationId, 0, cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>
    /// Addresses a client's activity to the bot (the id, the channel, the conversation, the user and the time are
    /// the server's, as on Azure's Direct Line) and runs it as a turn. Returns the activity as stored, or a fault.
    /// </summary>
    public async Task<(Activity? Posted, ActivityFault? Fault)> PostAsync(string conversationId, Activity activity, ChannelAccount? user, string serviceUrl, int maxTextLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var sender = user ?? (string.IsNullOrEmpty(activity.From?.Id) ? null : activity.From with { Role = "user" });
        if (sender is null)
        {
            return (null, new ActivityFault("from.id", "The activity has no 'from.id', and the credential names no user."));
        }

        var posted = activity with
        {
            Id = $"{conversationId}|{RandomNumberGenerator.GetHexString(12, lowercase: true)}",
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = sender with { Name = sender.Name ?? activity.From?.Name },
            Recipient = _bot,
            ServiceUrl = serviceUrl,
            Timestamp = _time.GetUtcNow(),
            DeliveryMode = null,
            CallerId = null,
        };
        if (ActivityValidator.Validate(posted, maxTextLength) is { } fault)
        {
            return (null, fault);
        }

        if (_awaitingUser.TryRemove(conversationId, out _))
        {
            await JoinAsync(conversationId, posted.From!, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        await _turns.RunAsync(posted, cancellationToken).ConfigureAwait(false);
        return (posted, null);
    }

    /// <summary>
    /// What a client gets after <paramref name="watermark"/>, as a Direct Line <c>ActivitySet</c> in UTF-8 JSON:
    /// every message and event, the user's own activities included (Web Chat shows a message as sent when its echo
    /// arrives); typing only on a stream; never <c>conversationUpdate</c>. Activities without an id get one from
    /// their position. Returns the set, the new watermark and how many activities it holds.
    /// </summary>
    public async Task<(byte[] Json, int Watermark, int Count)> ReadAsync(string conversationId, int watermark, bool stream, CancellationToken cancellationToken)
    {
        var activities = await _transcripts.GetTranscriptAsync(ChannelId, conversationId, watermark, cancellationToken).ConfigureAwait(false);
        var next = watermark + activities.Count;
        var buffer = new ArrayBufferWriter<byte>(1024);
        var count = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("activities");
            json.WriteStartArray();
            for (var i = 0; i < activities.Count; i++)
            {
                var activity = activities[i];
                if (activity.Type is ActivityTypes.ConversationUpdate or "trace" || (!stream && activity.Type == ActivityTypes.Typing) || activity.CallerId == DeskEvents.CallerId)
                {
                    continue;
                }

                JsonSerializer.Serialize(json, activity.Id is null ? activity with { Id = $"{conversationId}|{watermark + i:D7}" } : activity, ActivityJson.Default.Activity);
                count++;
            }

            json.WriteEndArray();
            json.WriteString("watermark", next.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return (buffer.WrittenSpan.ToArray(), next, count);
    }

    /// <summary>The transcript length: where a stream that wants only what is new starts.</summary>
    public async Task<int> WatermarkAsync(string conversationId, CancellationToken cancellationToken) =>
        (await _transcripts.GetTranscriptAsync(ChannelId, conversationId, 0, cancellationToken).ConfigureAwait(false)).Count;

    private async Task JoinAsync(string conversationId, ChannelAccount user, string serviceUrl, CancellationToken cancellationToken)
    {
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversationId}|{RandomNumberGenerator.GetHexString(12, lowercase: true)}",
            ChannelId = ChannelId,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = _bot,
            MembersAdded = [user],
            ServiceUrl = serviceUrl,
            Timestamp = _time.GetUtcNow(),
        };
        await _turns.RunAsync(joined, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    private static partial void LogStarted(ILogger logger, string conversationId);
}
