using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>A card (in <see cref="Content"/>) or a media file (at <see cref="ContentUrl"/>).</summary>
public sealed record Attachment
{
    public required string ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public JsonNode? Content { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
