using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;
using SupportBot.Core.Insight;
using SupportBot.Core.State;

namespace SupportBot.Core.Dialogs;

/// <summary>
/// A sequence of steps run one per turn (or several, with NextAsync): each step's prompt result is the next step's
/// <see cref="WaterfallStepContext.Result"/>. The step index, options and typed values persist with the stack, so a
/// restart resumes at the same step.
/// </summary>
public sealed class WaterfallDialog : Dialog
{
    internal const string ValuesKey = "values";
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private readonly IReadOnlyList<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IReadOnlyList<WaterfallStep> steps)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = steps;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        if (options is not null)
        {
            instance.State[OptionsKey] = options as JsonNode ?? JsonSerializer.SerializeToNode(options, options.GetType(), StateJson.Options);
        }

        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Context.Activity.Type != ActivityTypes.Message
            ? Task.FromResult(EndOfTurn)
            : ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = dc.ActiveDialog!.State[StepIndexKey]?.GetValue<int>() ?? -1;
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>The method name of the step <paramref name="instance"/> of this waterfall is at ("AskAmount"), or null before its first.</summary>
    public string? StepName(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var index = instance.State[StepIndexKey]?.GetValue<int>() ?? -1;
        return index >= 0 && index < _steps.Count ? _steps[index].Method.Name.Replace("Async", string.Empty, StringComparison.Ordinal) : null;
    }

    internal async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var instance = dc.ActiveDialog!;
        instance.State[StepIndexKey] = index;
        using var span = InsightTelemetry.Step(Id, index);
        var step = new WaterfallStepContext(this, dc, instance, index, reason, result, instance.State[OptionsKey]);
        return await _steps[index](step, cancellationToken).ConfigureAwait(false);
    }

    internal static T GetValues<T>(DialogInstance instance) where T : class, new()
    {
        if (instance.TypedValues is T typed)
        {
            return typed;
        }

        typed = instance.State[ValuesKey]?.Deserialize<T>(StateJson.Options) ?? new T();
        instance.TypedValues = typed;
        return typed;
    }
}
