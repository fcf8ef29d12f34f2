using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>A message the desk owes a customer, as the console shows it: which desk event, where it stands, how often it was tried and why it failed.</summary>
public sealed record DeliveryView(string DeliveryId, string Event, DeskDeliveryStatus Status, int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryView Of(DeskDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return new DeliveryView(delivery.Id, delivery.Event.Name ?? string.Empty, delivery.Status, delivery.Attempts, delivery.LastError, delivery.CreatedAt, delivery.DeliveredAt);
    }
}
