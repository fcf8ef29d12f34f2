using SupportBot.Core.Activities;

namespace SupportBot.Core.Handoff;

/// <summary>
/// A message the desk owes a customer (a colleague joined, their decision, a queue update, a check-in): a desk event
/// to run as a turn of the customer's conversation, kept in the outbox until the replies reached their channel.
/// Every attempt runs the same event, with the same id, so a turn that was saved but not delivered is delivered
/// again rather than run twice.
/// </summary>
public sealed record DeskDelivery
{
    /// <summary>The outbox entry's id.</summary>
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>The desk event to run.</summary>
    public required Activity Event { get; init; }

    public DeskDeliveryStatus Status { get; init; }

    /// <summary>How many times it was tried.</summary>
    public int Attempts { get; init; }

    /// <summary>Why the last attempt failed, for the console.</summary>
    public string? LastError { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }
}
