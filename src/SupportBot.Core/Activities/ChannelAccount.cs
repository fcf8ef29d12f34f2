using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>A participant of a conversation (user, bot or agent). Unknown members, such as Teams' <c>userRole</c>, survive a round trip.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
