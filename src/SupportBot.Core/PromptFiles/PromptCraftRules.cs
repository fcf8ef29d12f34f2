using System.Text;
using System.Text.RegularExpressions;

namespace SupportBot.Core.PromptFiles;

/// <summary>
/// The house rules for customer-facing wording, checked on every load and reload so that taste is not the only
/// guard. Each breach is a <see cref="PromptError"/> at the variant's text line, saying how to fix it:
/// <list type="bullet">
/// <item>No bare apology: "sorry" says what for, in the same sentence (see <see cref="BareApologyFinder"/>).</item>
/// <item>Nothing hides behind policy: no "policy", "our rules", "not allowed to", "per our terms".</item>
/// <item>Greetings and closings (<c>greeting.*</c>, <c>closing.*</c>) that may use <c>{name}</c> do, in every
/// variant, unless the definition sets <see cref="PromptDefinition.NameOptional"/>.</item>
/// <item>No two empathy variants (<c>empathy.*</c>, across all keys) say the same thing, ignoring case, spacing,
/// punctuation and where <c>{name}</c> goes.</item>
/// <item>No variant is only variables: with a value missing, the customer would read nothing.</item>
/// <item>Nothing claims an action is done ("Done", "I've sent…", "is on its way") unless the prompt is said only once
/// it is confirmed (<see cref="PromptDefinition.ConfirmedOutcome"/>; see <see cref="CompletionClaims"/>).</item>
/// </list>
/// </summary>
public static partial class PromptCraftRules
{
    private const string NameVariable = "name";
    private const string NamePlaceholder = "{name}";
    private const string EmpathyPrefix = "empathy.";
    private static readonly string[] NamedPrefixes = ["greeting.", "closing."];

    /// <summary>Checks every variant of <paramref name="prompts"/> against the craft rules, in file and line order.</summary>
    public static IReadOnlyList<PromptError> Check(IReadOnlyDictionary<string, IReadOnlyList<PromptVariant>> prompts, IReadOnlyDictionary<string, PromptDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(definitions);
        var errors = new List<PromptError>();
        var empathySeen = new Dictionary<string, PromptVariant>(StringComparer.Ordinal);
        var empathySeenWithoutName = new Dictionary<string, PromptVariant>(StringComparer.Ordinal);
        var variants = prompts
            .SelectMany(p => p.Value.Select(v => (Key: p.Key, Variant: v)))
            .OrderBy(p => p.Variant.File, StringComparer.Ordinal)
            .ThenBy(p => LineOf(p.Variant));
        foreach (var (key, variant) in variants)
        {
            var at = (File: variant.File, Line: LineOf(variant));
            var text = variant.Text;
            if (BareApologyFinder.Find(text) is { } sentence)
            {
                errors.Add(new PromptError(at.File, at.Line, $"'{variant.Id}' apologizes without saying what for (\"{sentence}\"); say what you are sorry for in the same sentence, after the apology, e.g. \"I'm sorry the parcel is late.\" Filler such as \"about that\" or \"for the inconvenience\" does not count."));
            }

            if (FindPolicyPhrase(text) is { } phrase)
            {
                errors.Add(new PromptError(at.File, at.Line, $"'{variant.Id}' hides behind policy (\"{phrase}\"); say plainly what you can do and why, e.g. \"I can't refund a gift card, but I can send a replacement today.\""));
            }

            if (!(definitions.TryGetValue(key, out var definition) && definition.ConfirmedOutcome) && CompletionClaims.Find(text) is { } claim)
            {
                errors.Add(new PromptError(at.File, at.Line, $"'{variant.Id}' claims an action is done (\"{claim}\"), but '{key}' is said before anything confirms it; {CompletionClaims.Advice}"));
            }

            if (MustUseName(key, definitions) && !text.Contains(NamePlaceholder, StringComparison.Ordinal))
            {
                var (what, example) = key.StartsWith("greeting.", StringComparison.Ordinal)
                    ? ("greets", "Hi {name}, thanks for getting in touch.")
                    : ("closes", "Thanks for your patience, {name}.");
                errors.Add(new PromptError(at.File, at.Line, $"'{variant.Id}' {what} without the customer's name; use {{name}} in every variant of '{key}', e.g. \"{example}\""));
            }

            if (!Placeholder().Replace(text, string.Empty).Any(char.IsLetterOrDigit))
            {
                errors.Add(new PromptError(at.File, at.Line, $"'{variant.Id}' is only a variable (\"{text}\"); when the value is missing the customer reads nothing. Put words around it, e.g. \"Your case: {{issue}}\"."));
            }

            if (key.StartsWith(EmpathyPrefix, StringComparison.Ordinal) && Duplicate(variant, empathySeen, empathySeenWithoutName) is { } duplicate)
            {
                errors.Add(new PromptError(at.File, at.Line, duplicate));
            }
        }

        return errors;
    }

    /// <summary>The words of <paramref name="text"/> that hide behind policy or rules, or null when there are none.</summary>
    public static string? FindPolicyPhrase(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = PolicyPhrase().Match(text);
        return match.Success ? match.Value : null;
    }

    private static bool MustUseName(string key, IReadOnlyDictionary<string, PromptDefinition> definitions) =>
        NamedPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))
        && definitions.TryGetValue(key, out var definition)
        && definition.Variables.ContainsKey(NameVariable)
        && !definition.NameOptional;

    private static string? Duplicate(PromptVariant variant, Dictionary<string, PromptVariant> seen, Dictionary<string, PromptVariant> seenWithoutName)
    {
        var same = Normalize(variant.Text);
        var sameWithoutName = Normalize(variant.Text.Replace(NamePlaceholder, " ", StringComparison.Ordinal));
        string? message = null;
        if (seen.TryGetValue(same, out var first))
        {
            message = $"'{variant.Id}' says the same as '{first.Id}' ({first.File}:{LineOf(first)}); empathy variants must differ, so a customer never reads the same line twice. Reword one of them.";
        }
        else if (seenWithoutName.TryGetValue(sameWithoutName, out first))
        {
            message = $"'{variant.Id}' differs from '{first.Id}' ({first.File}:{LineOf(first)}) only in where {{name}} goes; empathy variants must differ in wording, not just in placement. Reword one of them.";
        }

        seen.TryAdd(same, variant);
        seenWithoutName.TryAdd(sameWithoutName, variant);
        return message;
    }

    /// <summary>Lower case, punctuation dropped, spacing collapsed: "I hear you, {name}!" equals "i hear you {name}".</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var keep = char.IsLetterOrDigit(c) || c is '{' or '}' or '_';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static int LineOf(PromptVariant variant) => variant.TextLine > 0 ? variant.TextLine : variant.Line;

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex Placeholder();

    // Each alternative is a way of answering "because the rules say so" instead of explaining; word-bounded, any case.
    [GeneratedRegex(
        @"\b(?:polic(?:y|ies)"
        + @"|(?:our|company|the|store|internal)\s+rules"
        + @"|(?:our|company|internal)\s+guidelines"
        + @"|not\s+(?:allowed|permitted|authori[sz]ed)"
        + @"|(?:is|are|was|were)n['\u2019]t\s+(?:allowed|permitted)"
        + @"|due\s+to\s+(?:our|the|company|internal)\s+(?:terms|rules|guidelines|procedures?|regulations|restrictions)"
        + @"|(?:as\s+)?per\s+(?:our|the|company)\s+(?:terms|rules|guidelines|procedures?|regulations)"
        + @"|(?:my|our)\s+hands\s+are\s+tied)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyPhrase();
}
