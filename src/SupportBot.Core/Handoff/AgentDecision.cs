using System.Text.Json.Serialization;

namespace SupportBot.Core.Handoff;

/// <summary>What a colleague decided about the remedy a customer wants.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentDecision>))]
public enum AgentDecision
{
    /// <summary>The remedy the customer wants, granted.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>A different remedy granted instead.</summary>
    [JsonStringEnumMemberName("modified")]
    Modified,

    /// <summary>Not granted, with the reason.</summary>
    [JsonStringEnumMemberName("denied")]
    Denied,
}
