using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs;

/// <summary>One entry of the persisted dialog stack: which dialog, and its own state.</summary>
public sealed class DialogInstance : IJsonOnSerializing
{
    public required string Id { get; init; }

    /// <summary>The dialog's own persisted state (step index, prompt options, attempt count…).</summary>
    public JsonObject State { get; init; } = [];

    /// <summary>A component dialog's inner stack.</summary>
    public DialogState? Children { get; set; }

    /// <summary>A waterfall's typed values, materialized for this turn and written back into <see cref="State"/> on save.</summary>
    [JsonIgnore]
    internal object? TypedValues { get; set; }

    void IJsonOnSerializing.OnSerializing()
    {
        if (TypedValues is not null)
        {
            State[WaterfallDialog.ValuesKey] = JsonSerializer.SerializeToNode(TypedValues, TypedValues.GetType(), StateJson.Options);
        }
    }
}
