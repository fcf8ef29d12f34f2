using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Npgsql;
using SupportBot.Core.State;

namespace SupportBot.Web.Storage;

/// <summary>
/// What the instances sharing a PostgreSQL database tell each other, through its <c>LISTEN</c>/<c>NOTIFY</c>: that
/// a conversation has something new for a Direct Line stream, what the agent consoles should hear, how many agents
/// have a console open. A signal is a topic and a short text; an instance does not hear its own. With SQLite or
/// memory there is only one instance, and nothing is sent.
/// </summary>
/// <remarks>
/// Signals are hints to look again at what is stored, never the data itself: a signal lost while the listening
/// connection was down is made up for by <see cref="Resumed"/>, after which every receiver looks again.
/// </remarks>
public sealed partial class InstanceSignals : BackgroundService
{
    /// <summary>How often <see cref="Beat"/> is raised while listening.</summary>
    public static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(5);

    // NOTIFY takes at most 8000 bytes; a longer signal (a very long conversation id) is not sent.
    private const int MaxPayloadBytes = 7900;
    private readonly PostgresDatabase? _database;
    private readonly ILogger<InstanceSignals> _logger;
    private readonly string _origin = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    private readonly Dictionary<string, Action<string, string>> _receivers = new(StringComparer.Ordinal);
    private readonly Channel<string> _outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public InstanceSignals(StorageBackend storage, ILogger<InstanceSignals> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        _database = storage.Database as PostgresDatabase;
        _logger = logger;
    }

    /// <summary>Whether other instances may share the storage (PostgreSQL), so signals are sent.</summary>
    public bool Shared => _database is not null;

    /// <summary>Raised when listening starts, and again after the connection was lost: signals may have been missed.</summary>
    public event Action? Resumed;

    /// <summary>Raised every <see cref="BeatInterval"/> while listening, for what an instance repeats (agent presence).</summary>
    public event Action? Beat;

    /// <summary>Calls <paramref name="receive"/> with the sending instance's id and the text of every <paramref name="topic"/> signal from another instance.</summary>
    public void On(string topic, Action<string, string> receive)
    {
        lock (_receivers)
        {
            _receivers[topic] = receive;
        }
    }

    /// <summary>Tells the other instances; returns at once (the signal is sent in the background, in order).</summary>
    public void Publish(string topic, string text)
    {
        if (_database is null)
        {
            return;
        }

        var payload = $"{_origin}|{topic}|{text}";
        if (Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes && !payload.Contains('\0', StringComparison.Ordinal))
        {
            _outgoing.Writer.TryWrite(payload);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_database is null)
        {
            return;
        }

        await Task.WhenAll(SendAsync(_database, stoppingToken), ListenAsync(_database, stoppingToken)).ConfigureAwait(false);
    }

    /// <summary>Sends what is queued, many signals per statement when they bunch up.</summary>
    private async Task SendAsync(PostgresDatabase database, CancellationToken stoppingToken)
    {
        var batch = new List<string>();
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < 200 && _outgoing.Reader.TryRead(out var payload))
                {
                    // A signal repeated at once says nothing new (a burst of turns in one conversation).
                    if (batch.Count == 0 || batch[^1] != payload)
                    {
                        batch.Add(payload);
                    }
                }

                try
                {
                    await using var notify = database.DataSource.CreateCommand("SELECT pg_notify(@channel, p) FROM unnest(@payloads) AS p");
                    notify.Parameters.AddWithValue("channel", database.Channel);
                    notify.Parameters.AddWithValue("payloads", batch.ToArray());
                    await notify.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    LogSendFailed(_logger, ex, batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Listens on a connection of its own, and listens again after a failure, waiting longer each time.</summary>
    private async Task ListenAsync(PostgresDatabase database, CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{database.Channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                retry = TimeSpan.FromSeconds(1);
                Resumed?.Invoke();
                var nextBeat = Environment.TickCount64 + (long)BeatInterval.TotalMilliseconds;
                while (true)
                {
                    var wait = Math.Max(1, nextBeat - Environment.TickCount64);
                    await connection.WaitAsync((int)wait, stoppingToken).ConfigureAwait(false);
                    if (Environment.TickCount64 >= nextBeat)
                    {
                        nextBeat = Environment.TickCount64 + (long)BeatInterval.TotalMilliseconds;
                        Beat?.Invoke();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                LogListenFailed(_logger, ex, retry.TotalSeconds);
            }

            try
            {
                await Task.Delay(retry, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromSeconds(Math.Min(30, retry.TotalSeconds * 2));
        }
    }

    private void Receive(string payload)
    {
        var first = payload.IndexOf('|', StringComparison.Ordinal);
        var second = first < 0 ? -1 : payload.IndexOf('|', first + 1);
        if (second < 0 || payload.AsSpan(0, first).SequenceEqual(_origin))
        {
            return;
        }

        Action<string, string>? receive;
        lock (_receivers)
        {
            _receivers.TryGetValue(payload[(first + 1)..second], out receive);
        }

        receive?.Invoke(payload[..first], payload[(second + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} signals to the other instances could not be sent; their Direct Line streams and consoles catch up on the next one")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for the other instances' signals failed; listening again in {Seconds} s")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, double seconds);
}
