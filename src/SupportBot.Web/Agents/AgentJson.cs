using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Core.Handoff;

namespace SupportBot.Web.Agents;

/// <summary>The agent API's JSON, source-generated.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AgentView))]
[JsonSerializable(typeof(List<CaseRow>))]
[JsonSerializable(typeof(CaseDetail))]
[JsonSerializable(typeof(DeskCase))]
[JsonSerializable(typeof(Taken))]
[JsonSerializable(typeof(DeliveryView))]
[JsonSerializable(typeof(AgentText))]
[JsonSerializable(typeof(DecisionRequest))]
[JsonSerializable(typeof(NameRequest))]
public sealed partial class AgentJson : JsonSerializerContext;
