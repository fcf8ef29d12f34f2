using System.Text.Json;
using SupportBot.Core.State;

namespace SupportBot.Core.Handoff;

/// <summary>
/// The follow-up check-ins, kept in the outbox where the state is (a table of the SQLite file or of the PostgreSQL
/// database, or memory), so they survive restarts. A check-in is scheduled by the turn that resolves the case, in
/// that turn's own commit. When it falls due it becomes a message the desk owes the customer
/// (<see cref="DeskDeliveries"/>), changed from the version it was read at, so of several instances exactly one
/// takes it; from then on it is tried until the customer's channel takes it.
/// </summary>
public sealed class FollowUpSchedule(Outbox outbox)
{
    private const string Scheduled = "followup";

    /// <summary>The outbox entry of <paramref name="followUp"/>, scheduled at <paramref name="now"/>; one per case, so a later one replaces it.</summary>
    public static OutboxRow Row(FollowUp followUp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new OutboxRow(Id(followUp.CaseId), followUp.CaseId, Scheduled, followUp.Due, now, JsonSerializer.Serialize(followUp, StateJson.Options));
    }

    /// <summary>Adds a check-in outside a turn (replacing one for the same case).</summary>
    public Task AddAsync(FollowUp followUp, DateTimeOffset now, CancellationToken cancellationToken) =>
        outbox.AddAsync([Row(followUp, now)], cancellationToken);

    /// <summary>The check-ins still to come, soonest first.</summary>
    public async Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken) =>
        [.. (await outbox.WithStatusAsync([Scheduled], cancellationToken).ConfigureAwait(false)).Select(Read).OrderBy(f => f.Due)];

    /// <summary>
    /// Takes the check-ins due at <paramref name="now"/> (up to a batch) off the schedule, each turned into a message
    /// the desk owes its customer, held for its first attempt; returns those messages, soonest first.
    /// </summary>
    public async Task<IReadOnlyList<DeskDelivery>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taken = new List<DeskDelivery>();
        foreach (var row in (await outbox.DueAsync(now, cancellationToken).ConfigureAwait(false)).Where(r => r.Status == Scheduled))
        {
            var followUp = Read(row);
            var value = new DeskEventValue { CaseId = followUp.CaseId, Case = followUp.Case, Text = followUp.Issue, Remedy = followUp.Remedy };
            var (delivery, held) = DeskDeliveries.New(followUp.CaseId, followUp.Reference, DeskEvents.FollowUp, value, now);
            delivery = delivery with { Id = row.Id };
            if (await outbox.UpdateAsync(DeskDeliveries.Row(delivery, held.Due) with { Version = row.Version }, cancellationToken).ConfigureAwait(false) is not null)
            {
                taken.Add(delivery);
            }
        }

        return taken;
    }

    private static string Id(string caseId) => "followup-" + caseId;

    private static FollowUp Read(OutboxRow row) => JsonSerializer.Deserialize<FollowUp>(row.Json, StateJson.Options)!;
}
