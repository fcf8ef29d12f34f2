using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Activities;

/// <summary>
/// The one set of JSON rules for the wire: camelCase out, any casing in, nulls omitted,
/// enum-like values as camelCase strings. Source-generated for the hot path.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ConversationReference))]
public sealed partial class ActivityJson : JsonSerializerContext;
