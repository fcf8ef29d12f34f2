using System.Text.RegularExpressions;
using SupportBot.Core.PromptFiles;
using SupportBot.Testing;

namespace SupportBot.Web.Tests.Infrastructure;

/// <summary>
/// Tells which prompt a reply is from its text: a reply is a prompt when it equals one of the prompt's variants with
/// each <c>{variable}</c> filled by some text. Independent of which variant the bot picked for the conversation.
/// </summary>
public sealed class PromptWording(PromptSource prompts)
{
    public bool Matches(string key, string? text)
    {
        var variants = prompts.Current.Variants(key);
        Assert.True(variants.Count > 0, $"The prompt files define no '{key}'.");
        return text is not null && variants.SelectMany(v => PromptForms.Of(v.Text)).Any(v => Pattern(v).IsMatch(text));
    }

    /// <summary>True when <paramref name="text"/> is a variant of any prompt whose key starts with <paramref name="prefix"/> ("empathy.").</summary>
    public bool MatchesAny(string prefix, string? text) =>
        prompts.Current.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Any(k => Matches(k, text));

    /// <summary>Asserts that <paramref name="text"/> is a variant of some prompt whose key starts with <paramref name="prefix"/>.</summary>
    public void AssertIsAny(string prefix, string? text) =>
        Assert.True(MatchesAny(prefix, text), $"Expected a '{prefix}*' prompt but the reply was: \"{text}\"");

    /// <summary>Asserts that <paramref name="text"/> is a variant of <paramref name="key"/>.</summary>
    public void AssertIs(string key, string? text) =>
        Assert.True(Matches(key, text), $"Expected a '{key}' prompt but the reply was: \"{text}\"");

    private static Regex Pattern(string variant)
    {
        var pattern = Regex.Replace(Regex.Escape(variant), @"\\\{[a-z_]+}", "(.+)");
        return new Regex($"^{pattern}$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
