using SupportBot.Core.Activities;

namespace SupportBot.Core.Transcripts;

/// <summary>Reading a whole transcript.</summary>
public static class TranscriptStoreExtensions
{
    /// <summary>The conversation's activities, oldest first; empty when the conversation is unknown.</summary>
    public static Task<IReadOnlyList<Activity>> GetTranscriptAsync(this ITranscriptStore store, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetTranscriptAsync(channelId, conversationId, 0, cancellationToken);
    }
}
