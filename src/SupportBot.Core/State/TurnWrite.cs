using SupportBot.Core.Activities;
using SupportBot.Core.Insight;

namespace SupportBot.Core.State;

/// <summary>
/// Everything one turn makes durable: the state it changed (ETag-checked), its activities for the conversation's
/// transcript, and the outbox entries it queued. A <see cref="TurnStore"/> lands all of it or none of it.
/// </summary>
public sealed record TurnWrite(IReadOnlyDictionary<string, StoreItem> State, string ChannelId, string ConversationId, IReadOnlyList<Activity> Activities, IReadOnlyList<OutboxRow> Outbox)
{
    /// <summary>The facts the turn records for the dashboard, written in the same transaction; null when it has none.</summary>
    public TurnFacts? Facts { get; init; }
}
