namespace SupportBot.Core.Understanding;

/// <summary>One training message: its category and/or its kind (either may be null), and where it was written.</summary>
public sealed record LabeledExample(string Text, string? Category, string? Kind, string File, int Line)
{
    /// <summary>How the customer feels in it (calm, mild, upset, furious or positive), when labeled.</summary>
    public string? Feeling { get; init; }
}
