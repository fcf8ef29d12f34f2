using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// Where an action stands, as told to the customer's conversation (<see cref="FulfilmentEvents.Outcome"/>): enough to
/// say it in the customer's words, whichever case the conversation is on by then.
/// </summary>
public sealed record FulfilmentOutcome
{
    public required string DeliveryId { get; init; }

    public required string CaseId { get; init; }

    public required string RemedyId { get; init; }

    public required string RemedyTitle { get; init; }

    public MoneyAmount? Amount { get; init; }

    public FulfilmentStatus Status { get; init; }

    /// <summary>True when the webhook gave up or refused it and a colleague took it over.</summary>
    public bool DeliveryFailed { get; init; }

    public FulfilmentResult? Result { get; init; }

    /// <summary>The colleague who marked it done, when one did.</summary>
    public string? Colleague { get; init; }

    /// <summary>The outcome of what was granted in the turn just before (in the same exchange), not news arriving later.</summary>
    public bool InTurn { get; init; }

    public static FulfilmentOutcome Of(FulfilmentAction action, bool inTurn)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new FulfilmentOutcome
        {
            DeliveryId = action.DeliveryId,
            CaseId = action.CaseId,
            RemedyId = action.RemedyId,
            RemedyTitle = action.RemedyTitle,
            Amount = action.Amount,
            Status = action.Status,
            DeliveryFailed = action.DeliveryFailed,
            Result = action.Result,
            Colleague = action.CompletedBy is { } by && by != FulfilmentDelivery.ByWebhook && by != FulfilmentDelivery.ByCallback ? by : null,
            InTurn = inTurn,
        };
    }
}
