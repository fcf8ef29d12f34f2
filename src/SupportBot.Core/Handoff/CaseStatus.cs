using System.Text.Json.Serialization;

namespace SupportBot.Core.Handoff;

/// <summary>Where a handed-over case stands on the desk.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>In the queue, waiting for a colleague.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>No colleague was available; the customer left a way to be contacted.</summary>
    [JsonStringEnumMemberName("callback")]
    Callback,

    /// <summary>A colleague took it and is in the conversation.</summary>
    [JsonStringEnumMemberName("with-agent")]
    WithAgent,

    /// <summary>Finished: the colleague decided, handed back to the bot, or closed it.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
