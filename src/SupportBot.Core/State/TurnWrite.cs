using SupportBot.Core.Activities;
using SupportBot.Core.Insight;

namespace SupportBot.Core.State;

/// <summary>
/// Everything one turn makes durable: the state it changed (ETag-checked), its activities for the conversation's
/// transcript, the outbox entries it queued (actions, check-ins) or changed (from the version it read) and the desk rows it wrote (a case handed over, a
/// call-back number). A <see cref="TurnStore"/> lands all of it or none of it.
/// </summary>
public sealed record TurnWrite(IReadOnlyDictionary<string, StoreItem> State, string ChannelId, string ConversationId, IReadOnlyList<Activity> Activities, IReadOnlyList<OutboxRow> Outbox)
{
    /// <summary>The desk's rows the turn wrote (version-checked like the state).</summary>
    public IReadOnlyList<DeskRow> Desk { get; init; } = [];

    /// <summary>The facts the turn records for the dashboard, written in the same transaction; null when it has none.</summary>
    public TurnFacts? Facts { get; init; }
}
