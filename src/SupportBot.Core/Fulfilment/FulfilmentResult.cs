using System.Text.Json.Serialization;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// What the business system (its answer or its callback) or the colleague who did it said about the action: the
/// values the bot may quote to the customer.
/// </summary>
public sealed record FulfilmentResult
{
    /// <summary>The business's reference for it ("RF-20931").</summary>
    public string? Reference { get; init; }

    /// <summary>Where the customer can follow it (an http(s) link).</summary>
    public string? TrackingUrl { get; init; }

    /// <summary>A sentence for the customer, in the business's words.</summary>
    public string? Message { get; init; }

    /// <summary>These values, with <paramref name="earlier"/>'s where these have none (a callback after a 202 that gave the reference).</summary>
    public FulfilmentResult Over(FulfilmentResult? earlier) => new()
    {
        Reference = Reference ?? earlier?.Reference,
        TrackingUrl = TrackingUrl ?? earlier?.TrackingUrl,
        Message = Message ?? earlier?.Message,
    };

    /// <summary>True when there is nothing to quote.</summary>
    [JsonIgnore]
    public bool IsEmpty => Reference is null && TrackingUrl is null && Message is null;
}
