using System.Text.Json.Nodes;

namespace SupportBot.Core.Activities;

/// <summary>A button or suggested action (<c>imBack</c>, <c>postBack</c>, <c>messageBack</c>, <c>openUrl</c>…).</summary>
public sealed record CardAction
{
    public required string Type { get; init; }

    public string? Title { get; init; }

    public JsonNode? Value { get; init; }

    public string? Text { get; init; }

    public string? DisplayText { get; init; }

    public string? Image { get; init; }

    public string? ImageAltText { get; init; }

    /// <summary>An <c>imBack</c> action: clicking it posts <paramref name="title"/> visibly as the user's message.</summary>
    public static CardAction ImBack(string title) => new() { Type = "imBack", Title = title, Value = title };
}
