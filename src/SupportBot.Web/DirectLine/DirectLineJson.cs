using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Web.DirectLine;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(SessionResponse))]
[JsonSerializable(typeof(DirectLineGrant))]
public sealed partial class DirectLineJson : JsonSerializerContext;
