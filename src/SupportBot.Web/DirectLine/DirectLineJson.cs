using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Web.DirectLine;

/// <summary>A started or resumed conversation (<c>expires_in</c> is snake_case on the wire, as Direct Line sends it).</summary>
public sealed record DirectLineConversation(
    string ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    string? StreamUrl);

/// <summary>The body of <c>tokens/generate</c>, <c>conversations</c> and <c>/directline/token</c>: who the user is.</summary>
public sealed record TokenParameters(TokenUser? User, string? Name);

/// <summary>A user as a site names them when it mints a token.</summary>
public sealed record TokenUser(string? Id, string? Name);

/// <summary>What a successful post returns: the id given to the activity.</summary>
public sealed record ResourceResponse(string Id);

/// <summary>Direct Line's error body: a stable <c>code</c> and a readable <c>message</c>.</summary>
public sealed record ErrorResponse(ErrorBody Error);

/// <summary>The error itself.</summary>
public sealed record ErrorBody(string Code, string Message);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class DirectLineJson : JsonSerializerContext;
