using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Web.Insight;

/// <summary>The dashboard's and the review's JSON, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = false)]
[JsonSerializable(typeof(InsightView))]
[JsonSerializable(typeof(ReviewPage))]
[JsonSerializable(typeof(ConversationDetail))]
[JsonSerializable(typeof(List<ConversationDetail>))]
public sealed partial class InsightJson : JsonSerializerContext;
