using System.Text.Json.Serialization;

namespace SupportBot.Core.Fulfilment;

/// <summary>Where an action a remedy needs stands. The outbox keeps it as the entry's status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FulfilmentStatus>))]
public enum FulfilmentStatus
{
    /// <summary>For the business system's webhook: to be sent, or to be sent again after a failed attempt.</summary>
    [JsonStringEnumMemberName("delivering")]
    Delivering,

    /// <summary>The business system took it (202 Accepted) and will call back when it is done.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>A colleague carries it out from the console: by design, or because the webhook could not.</summary>
    [JsonStringEnumMemberName("colleague")]
    WithColleague,

    /// <summary>Confirmed done: the webhook answered 2xx, it called back "done", or a colleague marked it done.</summary>
    [JsonStringEnumMemberName("done")]
    Done,
}
