using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportBot.Core.Cases;

/// <summary>
/// Serialization code generated at build time for the case and the customer's profile, which nearly every turn reads
/// and writes back, under the rules of <see cref="State.StateJson.Options"/> (the same JSON); measured by
/// <c>CaseStateBenchmarks</c>.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SupportCase))]
[JsonSerializable(typeof(UserProfile))]
internal sealed partial class CaseJson : JsonSerializerContext;
