using System.Collections.Concurrent;
using System.Threading.Channels;
using SupportBot.Web.Storage;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// The open WebSocket streams, one per conversation (a newer socket replaces an older one, as Direct Line does).
/// A stream is only told that its conversation has something new; it reads what is new from the transcript
/// itself, from its own watermark, so nothing is lost or sent twice however the signals bunch up. Instances sharing
/// PostgreSQL tell each other (<see cref="InstanceSignals"/>), so a stream open on one hears turns run on another,
/// and a newer stream on one replaces an older one on another.
/// </summary>
public sealed class DirectLineHub
{
    private const string NewsTopic = "directline";
    private const string OpenedTopic = "directline-open";
    private readonly ConcurrentDictionary<string, Subscription> _streams = new(StringComparer.Ordinal);
    private readonly InstanceSignals _signals;

    public DirectLineHub(InstanceSignals signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        _signals = signals;
        signals.On(NewsTopic, (_, conversationId) => Wake(conversationId));
        signals.On(OpenedTopic, (_, conversationId) =>
        {
            if (_streams.TryRemove(conversationId, out var older))
            {
                older.Collide();
            }
        });

        // Signals may have been missed: every stream reads again from its watermark.
        signals.Resumed += () =>
        {
            foreach (var stream in _streams.Values)
            {
                stream.Signal();
            }
        };
    }

    /// <summary>How many streams are open.</summary>
    public int OpenStreams => _streams.Count;

    /// <summary>Registers a stream for a conversation; the one it replaces is told to close (reason "collision").</summary>
    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _streams.AddOrUpdate(conversationId, subscription, (_, older) =>
        {
            older.Collide();
            return subscription;
        });
        _signals.Publish(OpenedTopic, conversationId);
        return subscription;
    }

    /// <summary>Wakes the conversation's stream, wherever it is open.</summary>
    public void Notify(string conversationId)
    {
        Wake(conversationId);
        _signals.Publish(NewsTopic, conversationId);
    }

    private void Wake(string conversationId)
    {
        if (_streams.TryGetValue(conversationId, out var subscription))
        {
            subscription.Signal();
        }
    }

    /// <summary>One stream's registration: a wake-up signal and whether a newer stream took its place.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly DirectLineHub _hub;
        private readonly string _conversationId;
        private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly CancellationTokenSource _replaced = new();

        internal Subscription(DirectLineHub hub, string conversationId)
        {
            _hub = hub;
            _conversationId = conversationId;
        }

        /// <summary>Cancelled when a newer stream opened for the same conversation.</summary>
        public CancellationToken Replaced => _replaced.Token;

        /// <summary>Completes when there may be something new; false when the wait timed out.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                return await _signals.Reader.WaitToReadAsync(timer.Token).ConfigureAwait(false) && _signals.Reader.TryRead(out _);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        internal void Signal() => _signals.Writer.TryWrite(true);

        internal void Collide() => _replaced.Cancel();

        public void Dispose()
        {
            ((ICollection<KeyValuePair<string, Subscription>>)_hub._streams).Remove(new KeyValuePair<string, Subscription>(_conversationId, this));
        }
    }
}
