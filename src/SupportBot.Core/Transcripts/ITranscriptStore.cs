using SupportBot.Core.Activities;

namespace SupportBot.Core.Transcripts;

/// <summary>Every inbound and outbound activity of a conversation, in the order the bot saw or sent them.</summary>
public interface ITranscriptStore
{
    /// <summary>Appends activities to their conversation's transcript (all of one conversation, in order).</summary>
    Task LogActivitiesAsync(string channelId, string conversationId, IReadOnlyList<Activity> activities, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation's activities after the first <paramref name="skip"/>, oldest first; empty when the
    /// conversation is unknown. A position in the transcript never changes, so a count read earlier is a watermark.
    /// </summary>
    Task<IReadOnlyList<Activity>> GetTranscriptAsync(string channelId, string conversationId, int skip, CancellationToken cancellationToken);
}
