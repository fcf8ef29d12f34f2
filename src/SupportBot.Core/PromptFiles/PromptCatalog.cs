using System.Text;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// The customer-facing wording, loaded from <c>dialogs/*.yaml</c>: every prompt key with its variants. Rendering
/// fills <c>{variables}</c>, never leaving a placeholder or an empty name behind.
/// </summary>
public sealed class PromptCatalog
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<PromptVariant>> _prompts;
    private readonly IReadOnlyDictionary<string, PromptDefinition> _definitions;

    public PromptCatalog(IReadOnlyDictionary<string, IReadOnlyList<PromptVariant>> prompts, IReadOnlyDictionary<string, PromptDefinition> definitions)
    {
        _prompts = prompts;
        _definitions = definitions;
    }

    /// <summary>Every key in the catalog.</summary>
    public IEnumerable<string> Keys => _prompts.Keys;

    /// <summary>How many variants there are over all keys.</summary>
    public int VariantCount => _prompts.Values.Sum(v => v.Count);

    /// <summary>The variants of a key (empty when the key is unknown).</summary>
    public IReadOnlyList<PromptVariant> Variants(string key) => _prompts.TryGetValue(key, out var variants) ? variants : [];

    /// <summary>
    /// Picks a variant of <paramref name="key"/> and fills its variables. The pick is stable for a given
    /// <paramref name="seed"/> (a conversation id keeps its wording across retries) and skips variants in
    /// <paramref name="avoid"/> while any other is left.
    /// </summary>
    public RenderedPrompt Render(string key, IReadOnlyDictionary<string, string?>? values = null, string? seed = null, IReadOnlyCollection<string>? avoid = null)
    {
        if (!_prompts.TryGetValue(key, out var variants) || variants.Count == 0)
        {
            throw new KeyNotFoundException($"No prompt '{key}' is loaded; the prompt files must define it.");
        }

        var candidates = avoid is { Count: > 0 } ? variants.Where(v => !avoid.Contains(v.Id)).ToList() : (IReadOnlyList<PromptVariant>)variants;
        if (candidates.Count == 0)
        {
            candidates = variants;
        }

        var variant = candidates[(int)(StableHash(seed ?? string.Empty, key) % (uint)candidates.Count)];
        return new RenderedPrompt(variant.Id, Fill(key, variant.Text, values));
    }

    /// <summary>What <c>{name}</c> says when the customer's name is not known ("Hi there").</summary>
    public const string NameFallback = "there";

    /// <summary>The value a variable gets when the conversation has none.</summary>
    public static string DefaultFallback(string variable) => variable switch
    {
        "name" => NameFallback,
        _ => string.Empty,
    };

    /// <summary>
    /// Fills the <c>{variables}</c> of <paramref name="text"/>, written elsewhere than the prompt files (a remedy's
    /// next steps in the catalog, say) but held to <paramref name="definition"/> as a prompt is: a variable with no
    /// value takes the definition's fallback, so no placeholder or empty name is ever left behind.
    /// </summary>
    public static string Fill(PromptDefinition definition, string text, IReadOnlyDictionary<string, string?>? values)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, open - i);
            var name = text.Substring(open + 1, close - open - 1);
            var value = values is not null && values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
            value ??= definition.Variables.TryGetValue(name, out var fallback) ? fallback : DefaultFallback(name);
            builder.Append(value);
            i = close + 1;
        }

        return builder.ToString();
    }

    private string Fill(string key, string text, IReadOnlyDictionary<string, string?>? values) =>
        Fill(_definitions.TryGetValue(key, out var definition) ? definition : PromptDefinition.Of(key), text, values);

    private static uint StableHash(string seed, string key)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var c in seed)
        {
            hash = (hash ^ c) * 16777619u;
        }

        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
