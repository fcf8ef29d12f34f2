using System.Text.Json;
using SupportBot.Core.Activities;
using SupportBot.Core.State;
using SupportBot.Core.Support;

namespace SupportBot.Core.Handoff;

/// <summary>A check-in due after a case was resolved: whom to ask, about what, and when.</summary>
public sealed record FollowUp(string CaseId, ConversationReference Reference, CaseSummary? Summary, string Issue, string Remedy, DateTimeOffset Due);

/// <summary>
/// The follow-up check-ins, kept in the bot's <see cref="IStorage"/> so they survive restarts. A due check-in is
/// taken off the schedule (with an ETag, so by one process only) before it is sent: each fires once.
/// </summary>
public sealed class FollowUpSchedule(IStorage storage)
{
    private const string Key = "followups";
    private const int MaxAttempts = 8;

    /// <summary>Adds a check-in.</summary>
    public Task AddAsync(FollowUp followUp, CancellationToken cancellationToken) =>
        ChangeAsync(list => [.. list.Where(f => f.CaseId != followUp.CaseId), followUp], cancellationToken);

    /// <summary>The check-ins still to come.</summary>
    public async Task<IReadOnlyList<FollowUp>> PendingAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken).ConfigureAwait(false)).List;

    /// <summary>Takes the check-ins due at <paramref name="now"/> off the schedule and returns them.</summary>
    public async Task<IReadOnlyList<FollowUp>> TakeDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<FollowUp> due = [];
        await ChangeAsync(list =>
        {
            due = [.. list.Where(f => f.Due <= now)];
            return due.Count == 0 ? null : [.. list.Where(f => f.Due > now)];
        }, cancellationToken).ConfigureAwait(false);
        return due;
    }

    private async Task ChangeAsync(Func<List<FollowUp>, List<FollowUp>?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (list, etag) = await ReadAsync(cancellationToken).ConfigureAwait(false);
            if (change(list) is not { } changed)
            {
                return;
            }

            try
            {
                await storage.WriteAsync(new Dictionary<string, StoreItem> { [Key] = new(JsonSerializer.Serialize(changed, StateJson.Options), etag) }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private async Task<(List<FollowUp> List, string? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([Key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(Key, out var item) ? (JsonSerializer.Deserialize<List<FollowUp>>(item.Json, StateJson.Options)!, item.ETag) : ([], null);
    }
}
