using System.Text.Json.Serialization;

namespace SupportBot.Core.Handoff;

/// <summary>Where a message the desk owes a customer stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeskDeliveryStatus>))]
public enum DeskDeliveryStatus
{
    /// <summary>Not through yet: being sent, or to be sent again after the customer's channel could not be reached.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The customer's channel took it.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>Every attempt failed; a colleague may send it again from the console.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
