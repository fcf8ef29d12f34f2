using System.Text.Json.Serialization;
using SupportBot.Core.Activities;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// An action a granted remedy needs, as the outbox keeps it: what to do and for whom, how it is carried out (the
/// business's webhook, or a colleague), where it stands, every try at the webhook, and what the customer was last
/// told about it. <see cref="Body"/> is the webhook's request body, made once, so every attempt sends the same bytes
/// with the same <see cref="IdempotencyKey"/>.
/// </summary>
public sealed record FulfilmentAction
{
    /// <summary>The entry's id: the <c>X-SupportBot-Delivery</c> header and the callback's <c>/api/fulfilment/{deliveryId}</c>.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The same for every attempt, across retries and restarts: the business acts on it once.</summary>
    public required string IdempotencyKey { get; init; }

    public required string CaseId { get; init; }

    public required string RemedyId { get; init; }

    /// <summary>The remedy's title as the customer was offered it ("a full refund").</summary>
    public required string RemedyTitle { get; init; }

    /// <summary>What it pays, when it pays money.</summary>
    public MoneyAmount? Amount { get; init; }

    public string? CustomerName { get; init; }

    /// <summary>The case's answers, by question ("order_number": "48213"), masked as the case keeps them.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>The customer's conversation, to tell them how it went.</summary>
    public required ConversationReference Reference { get; init; }

    /// <summary>The webhook (<c>Fulfilment:Webhooks:NAME</c>) that carries it out; null when a colleague does.</summary>
    public string? Webhook { get; init; }

    /// <summary>The request body sent to <see cref="Webhook"/>.</summary>
    public string? Body { get; init; }

    public FulfilmentStatus Status { get; init; }

    /// <summary>Why a colleague carries it out, for the console ("the webhook 'refunds' answered 503 six times").</summary>
    public string? ColleagueReason { get; init; }

    /// <summary>True when the webhook gave up or refused it, so a colleague took it over.</summary>
    public bool DeliveryFailed { get; init; }

    /// <summary>How many times it was sent.</summary>
    public int Attempts { get; init; }

    /// <summary>The webhook's answers, oldest first (the last few).</summary>
    public IReadOnlyList<FulfilmentAttempt> History { get; init; } = [];

    public FulfilmentResult? Result { get; init; }

    /// <summary>Who confirmed it done: the webhook, its callback, or the colleague's name.</summary>
    public string? CompletedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Where it stood when the customer was last told (null: not yet).</summary>
    public FulfilmentStatus? Told { get; init; }

    /// <summary>Whether the customer has yet to hear where it stands now.</summary>
    [JsonIgnore]
    public bool Untold => Told != Status && Status is FulfilmentStatus.Done or FulfilmentStatus.WithColleague;
}
