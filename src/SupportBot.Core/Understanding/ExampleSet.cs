namespace SupportBot.Core.Understanding;

/// <summary>The example messages the reader learns from: <c>examples.yaml</c> and the labeled files it includes.</summary>
/// <param name="Categories">The category ids, in the order the model lists them.</param>
/// <param name="Examples">Every example, in file order.</param>
public sealed record ExampleSet(IReadOnlyList<string> Categories, IReadOnlyList<LabeledExample> Examples)
{
    /// <summary>The same set without the examples <paramref name="leaveOut"/> picks (for cross-validation).</summary>
    public ExampleSet Without(Func<LabeledExample, bool> leaveOut) => this with { Examples = [.. Examples.Where(e => !leaveOut(e))] };
}
