using System.Text.Json.Serialization;

namespace SupportBot.Core.Handoff;

/// <summary>The states a contact center reports in a <c>handoff.status</c> event (the Bot Framework handoff protocol).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffState>))]
public enum HandoffState
{
    /// <summary>An agent took the conversation.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted,

    /// <summary>The contact center could not take it.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The agent finished; the bot takes the conversation back.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,
}
