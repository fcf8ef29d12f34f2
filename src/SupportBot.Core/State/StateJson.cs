using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SupportBot.Core.Activities;

namespace SupportBot.Core.State;

/// <summary>The JSON rules for persisted state: the wire's rules, plus reflection for the bot's own state records.</summary>
public static class StateJson
{
    /// <summary>Shared, immutable serializer options for every state value.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ActivityJson.Default, new DefaultJsonTypeInfoResolver()),
    };
}
