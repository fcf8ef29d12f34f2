using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Web.Widget;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WidgetConfig))]
public sealed partial class WidgetJson : JsonSerializerContext;
