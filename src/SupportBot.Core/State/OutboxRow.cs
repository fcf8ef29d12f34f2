namespace SupportBot.Core.State;

/// <summary>
/// One entry of the outbox: something a turn decided should happen outside the bot, written in the same transaction
/// as that turn and carried out once it is durable. The outbox knows only where the entry stands
/// (<see cref="Status"/>), when to look at it next (<see cref="Due"/>; null: not until something changes it) and its
/// content (<see cref="Json"/>); what these mean belongs to whoever carries it out.
/// </summary>
public sealed record OutboxRow(string Id, string CaseId, string Status, DateTimeOffset? Due, DateTimeOffset Created, string Json)
{
    /// <summary>
    /// Bumped by every update. An update made from an older version is refused, so of two writers (two instances, a
    /// delivery and a colleague) exactly one changes the entry. In a turn's write (<see cref="TurnWrite.Outbox"/>) a
    /// row at version 0 is added (replacing an entry with its id); a row at a version changes the entry only if it is
    /// still at that version, and otherwise the whole turn is refused (<see cref="StorageConcurrencyException"/>).
    /// </summary>
    public long Version { get; init; }
}
