using SupportBot.Core.Activities;

namespace SupportBot.Core.Transcripts;

/// <summary>Transcripts held in memory, for tests and the terminal chat.</summary>
public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly Dictionary<(string, string), List<Activity>> _transcripts = [];
    private readonly Lock _lock = new();

    public Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        lock (_lock)
        {
            if (!_transcripts.TryGetValue((channelId, conversationId), out var list))
            {
                _transcripts[(channelId, conversationId)] = list = [];
            }

            list.AddRange(activities);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, int skip, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        lock (_lock)
        {
            IReadOnlyList<Activity> copy = _transcripts.TryGetValue((channelId, conversationId), out var list) && skip < list.Count ? list[skip..] : [];
            return Task.FromResult(copy);
        }
    }
}
