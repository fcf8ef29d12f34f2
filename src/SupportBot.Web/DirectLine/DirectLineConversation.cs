using System.Text.Json.Serialization;

namespace SupportBot.Web.DirectLine;

/// <summary>A started or resumed conversation (<c>expires_in</c> is snake_case on the wire, as Direct Line sends it).</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    string? StreamUrl);
