using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>The conversation an activity belongs to; <see cref="Id"/> is required on every inbound activity.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
