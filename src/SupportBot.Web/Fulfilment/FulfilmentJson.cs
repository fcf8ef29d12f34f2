using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Core.Fulfilment;

namespace SupportBot.Web.Fulfilment;

/// <summary>The JSON of the actions' console API and the callback's answer, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<FulfilmentAction>))]
[JsonSerializable(typeof(FulfilmentAction))]
[JsonSerializable(typeof(ActionDoneRequest))]
public sealed partial class FulfilmentJson : JsonSerializerContext;
