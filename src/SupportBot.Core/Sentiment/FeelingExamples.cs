using SupportBot.Core.Understanding;

namespace SupportBot.Core.Sentiment;

/// <summary>The catalog's examples that are labeled with how the customer feels: what the feeling model's bands learn from.</summary>
public static class FeelingExamples
{
    /// <summary>The examples of <paramref name="examples"/> with a feeling, in file order.</summary>
    public static IReadOnlyList<(string Text, Feeling Feeling)> From(ExampleSet examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return [.. examples.Examples.Where(e => e.Feeling is not null).Select(e => (e.Text, Enum.Parse<Feeling>(e.Feeling!, ignoreCase: true)))];
    }
}
