using SupportBot.Core.Cases;
using SupportBot.Core.Dialogs.Prompts;
using SupportBot.Core.Understanding.Entities;

namespace SupportBot.Core.Support;

/// <summary>
/// Remedies named in a customer's words, wherever in the conversation: "refund the delivery", "I want my money back",
/// "I didn't ask for a credit". A remedy named only by its position ("the last one") is not named.
/// </summary>
public static class RemedyNames
{
    /// <summary>Whether <paramref name="text"/> turns down the very remedy the case went ahead with ("I didn't ask for a credit").</summary>
    public static bool Disowned(SupportCatalog catalog, SupportCase supportCase, string? text)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return supportCase.RemedyId is { } current && PushbackReader.Disowning(text) is { } words
            && NamedRemedy(catalog, supportCase, words) is { } named && named.Value == current;
    }

    /// <summary>
    /// The remedy of the case's category that <paramref name="text"/> names by its title or words ("refund the
    /// delivery", "I want my money back"), offered or not; null when none, or only by position ("the last one").
    /// </summary>
    public static FoundChoice? NamedRemedy(SupportCatalog catalog, SupportCase supportCase, string text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(supportCase);
        var choices = Choices(RemediesOf(catalog, supportCase));
        return ChoiceRecognizer.Recognize(text, choices) is { } found && ByWords(choices[found.Index], found) ? found : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names one or more remedies of the case's category by their words, such as
    /// both in "replace it or refund me, I don't care which" (which <see cref="NamedRemedy"/> leaves to the customer's choice).
    /// </summary>
    public static bool NamesRemedy(SupportCatalog catalog, SupportCase supportCase, string text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(supportCase);
        return Choices(RemediesOf(catalog, supportCase)).Any(choice => ChoiceRecognizer.Recognize(text, [choice]) is { } found && ByWords(choice, found));
    }

    internal static List<Remedy> RemediesOf(SupportCatalog catalog, SupportCase supportCase) =>
        [.. catalog.Category(supportCase.Category ?? SupportCatalog.Other).Remedies.Where(catalog.Remedies.ContainsKey).Select(id => catalog.Remedies[id]).Where(r => !RemedyFacts.RuledOut(r, supportCase))];

    /// <summary>Whether <paramref name="found"/> matched the remedy's words, not only its position ("the last one").</summary>
    internal static bool ByWords(Choice choice, FoundChoice found) =>
        choice.Synonyms.Contains(found.Matched, StringComparer.OrdinalIgnoreCase) || string.Equals(choice.Title, found.Matched, StringComparison.OrdinalIgnoreCase) || found.Matched == choice.Value;

    /// <summary>The remedies as choices, titled as the catalog has them.</summary>
    internal static List<Choice> Choices(IEnumerable<Remedy> remedies) =>
        [.. remedies.Select(r => new Choice(r.Id) { Title = r.Title.Length == 0 ? r.Title : char.ToUpperInvariant(r.Title[0]) + r.Title[1..], Synonyms = r.Synonyms })];
}
