using SupportBot.Core.PromptFiles;

namespace SupportBot.Core.Tests;

/// <summary>
/// The repository's prompt variants as written in <c>dialogs/</c>, for <c>TestFlow.AssertReplyOneOf</c>: a reply
/// matches whichever variant the bot picked for the conversation.
/// </summary>
internal static class Wording
{
    private static readonly Lazy<PromptCatalog> Catalog = new(() => TestBots.Prompts().Current);

    /// <summary>The variants of <paramref name="key"/> (<c>greeting.welcome</c>); a key the files do not define fails.</summary>
    public static IReadOnlyList<string> Of(string key)
    {
        var variants = Catalog.Value.Variants(key);
        Assert.True(variants.Count > 0, $"The prompt files define no '{key}'.");
        return [.. variants.SelectMany(v => Forms(v.Text))];
    }

    /// <summary>
    /// A variant as the customer may read it: as written and, when it names them, without the name, as the bot says
    /// it when a line just before named them (<see cref="SupportBot.Core.Cases.CaseVoice.NameEvery"/>).
    /// </summary>
    public static IEnumerable<string> Forms(string variant)
    {
        yield return variant;
        if (variant.Contains("{name}", StringComparison.Ordinal))
        {
            const string Stand = "Quillon";
            yield return SupportBot.Core.Cases.CaseVoice.WithoutName(variant.Replace("{name}", Stand, StringComparison.Ordinal), Stand).Replace(Stand, "{name}", StringComparison.Ordinal);
        }
    }

    /// <summary>The variants of every prompt whose key starts with <paramref name="prefix"/> (<c>empathy.</c>).</summary>
    public static IReadOnlyList<string> OfAny(string prefix)
    {
        var keys = Catalog.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(keys.Count > 0, $"The prompt files define no '{prefix}*'.");
        return [.. keys.SelectMany(Of)];
    }
}
