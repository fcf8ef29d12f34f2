using SupportBot.Core.PromptFiles;
using SupportBot.Testing;

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
        return [.. variants.SelectMany(v => PromptForms.Of(v.Text))];
    }

    /// <summary>The variants of every prompt whose key starts with <paramref name="prefix"/> (<c>empathy.</c>).</summary>
    public static IReadOnlyList<string> OfAny(string prefix)
    {
        var keys = Catalog.Value.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(keys.Count > 0, $"The prompt files define no '{prefix}*'.");
        return [.. keys.SelectMany(Of)];
    }
}
