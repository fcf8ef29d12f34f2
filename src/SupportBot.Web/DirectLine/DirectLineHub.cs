using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// The open WebSocket streams, one per conversation (a newer socket replaces an older one, as Direct Line does).
/// A stream is only told that its conversation has something new; it reads what is new from the transcript
/// itself, from its own watermark, so nothing is lost or sent twice however the signals bunch up.
/// </summary>
public sealed class DirectLineHub
{
    private readonly ConcurrentDictionary<string, Subscription> _streams = new(StringComparer.Ordinal);

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
        return subscription;
    }

    /// <summary>Wakes the conversation's stream, if one is open.</summary>
    public void Notify(string conversationId)
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
