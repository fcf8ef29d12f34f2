using System.Text.RegularExpressions;
using SupportBot.Core.Dialogs.Prompts;

namespace SupportBot.Core.Support;

/// <summary>
/// Two remedies wanted at once, at the choice: "refund me and cancel it", "the refund and the credit", or "both" when
/// two were offered. Such a wish is not squeezed into one of them: a colleague does both.
/// </summary>
internal static partial class RemediesWanted
{
    /// <summary>
    /// The remedies <paramref name="text"/> asks for together: the ones offered that it names, and any other of the
    /// catalog it wishes for by name ("... and cancel it"). Empty unless there are two or more; a choice between them
    /// ("refund or credit, whichever is faster") is one wish, not two.
    /// </summary>
    /// <param name="catalog">The catalog, for the remedies not offered.</param>
    /// <param name="text">What the customer wrote at the choice.</param>
    /// <param name="offered">The remedies offered, as the buttons show them.</param>
    public static List<Remedy> Read(SupportCatalog catalog, string? text, IReadOnlyList<Choice> offered)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(offered);
        if (string.IsNullOrWhiteSpace(text) || Either().IsMatch(text))
        {
            return [];
        }

        // "A refund of what? I haven't paid. I want a new appointment and compensation": a remedy only asked about is no wish.
        text = QuestionAbout().Replace(text, " ");
        var offeredRemedies = offered.Where(c => catalog.Remedies.ContainsKey(c.Value)).Select(c => catalog.Remedies[c.Value]).ToList();
        if (Both().IsMatch(text))
        {
            return offeredRemedies.Count == 2 ? offeredRemedies : [];
        }

        var choices = offered.Where(c => catalog.Remedies.ContainsKey(c.Value)).ToList();
        var wished = choices.Count;
        choices.AddRange(catalog.Remedies.Values.Where(r => !choices.Exists(c => c.Value == r.Id))
            .Select(r => new Choice(r.Id) { Title = r.Title, Synonyms = r.Synonyms }));
        var named = ChoiceRecognizer.NamedApart(text, choices, wished);
        return named.Count > 1 ? [.. named.Select(i => catalog.Remedies[choices[i].Value])] : [];
    }

    /// <summary>
    /// The remedies of <paramref name="fitting"/> the customer asked for in so many words in <paramref name="said"/>
    /// ("I'd like the delivery fee back", "can you just send a replacement"), in the order they come there; a remedy
    /// merely mentioned ("the replacement never came") or turned down ("not a refund") is no wish.
    /// </summary>
    public static List<Remedy> Wished(IEnumerable<string> said, IReadOnlyList<Remedy> fitting)
    {
        ArgumentNullException.ThrowIfNull(said);
        ArgumentNullException.ThrowIfNull(fitting);
        var choices = fitting.Select(r => new Choice(r.Id) { Title = r.Title, Synonyms = r.Synonyms }).ToList();
        var wished = new List<Remedy>();
        foreach (var text in said)
        {
            foreach (Match wish in Wish().Matches(text))
            {
                foreach (var i in ChoiceRecognizer.NamedApart(wish.Value, choices))
                {
                    if (!wished.Contains(fitting[i]))
                    {
                        wished.Add(fitting[i]);
                    }
                }
            }
        }

        return wished;
    }

    /// <summary>A clause that asks for something: from "I'd like", "I want", "can you", "please"… to the end of the sentence.</summary>
    [GeneratedRegex(@"(?:^|[.!?]\s+)(?:so\s+|just\s+)?(?:want|wanna|need)\s+to\b[^.!?\n]*|\bhow\s+(?:do|can)\s+i\b[^.!?\n]*|\b(?:i'?d\s+(?:like|love|prefer|rather)|i\s+would\s+(?:like|love|prefer|rather)|i\s+(?:just\s+|only\s+|really\s+)?(?:want|need)|i\s+(?:just\s+)?prefer|(?:can|could|would)\s+(?:i|you|we)|please|pls|just\s+(?:send|give|refund|replace|cancel|credit))\b[^.!?\n]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wish();

    [GeneratedRegex(@"^\W*(?:(?:ok(?:ay)?|yes|yeah|um+|well|i\s+want|i'?d\s+like|can\s+i\s+(?:have|get))\W+)*(?:both|all\s+of\s+(?:them|those|these)|the\s+two\s+of\s+them|both\s+of\s+(?:them|those|these)|(?:1|one|the\s+first)\s+(?:and|&|\+)\s+(?:2|two|the\s+second))\b(?:\W+(?:please|pls|thanks|then|ideally|if\s+possible))*\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Both();

    /// <summary>A question that asks for nothing ("a refund of what?", "what credit?"), unlike "can I have a refund?".</summary>
    [GeneratedRegex(@"(?<=^|[.!?]\s*)(?![^.!?]*\b(?:can|could|may)\s+(?:i|you|we)\b(?!'?t))(?![^.!?]*\bi\s+(?:want|need|'d\s+like|would\s+like)\b)[^.!?]+\?+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionAbout();

    [GeneratedRegex(@"\b(?:or|either|whichever|whatever)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Either();
}
