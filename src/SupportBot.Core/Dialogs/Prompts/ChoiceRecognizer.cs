using System.Collections.Concurrent;
using System.Globalization;

namespace SupportBot.Core.Dialogs.Prompts;

/// <summary>
/// Finds which choice a user meant: by number ("2", "#2", "option 2"), by ordinal ("the second one", "last"), by the
/// choice's value, title or a synonym, or by those words appearing in a longer answer (the longest match wins; a tie
/// between two choices picks neither).
/// </summary>
public static class ChoiceRecognizer
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly char[] Separators = [' ', '\t', '\n', '\r', ',', ';', '!', '?', '"', '(', ')'];
    private static readonly char[] Surrounding = ['.', ':', '\'', '*'];
    private static readonly string[] Fillers = ["option", "number", "choice", "#", "no.", "the", "one", "please", "pls", "pick", "i'll", "take", "go", "with", "for",
        "ok", "okay", "yes", "yeah", "yep", "sure", "fine", "right", "then", "just", "i", "guess", "i'd", "id", "like", "want", "let's", "lets", "that", "that's", "thats", "sounds", "good", "great", "thanks", "hmm", "um", "well", "prefer", "ugh", "urgh", "meh", "sigh", "argh", "erm", "er", "uh", "oh", "alright", "whatever", "suppose"];

    /// <summary>Words that turn down what follows them within three words: "don't want a replacement", "not a refund", "forget the replacement".</summary>
    private static readonly string[] Negations = ["don't", "dont", "not", "never", "without", "instead", "forget"];

    /// <summary>Words that may follow a number that opens an answer and picks by it ("1 I guess", "2 - how soon?", "3 please").</summary>
    private static readonly string[] AfterLeadingNumber = ["-", "i", "please", "pls", "and", "but", "as", "if", "because", "cos", "then", "thanks", "is", "sounds", "for", "though", "obviously", "clearly", "duh", "lol", "ok", "okay", "thx", "ta", "cheers", "already", "again", "surely", "ig", "tbh", "mate", "bro", "probably", "ideally", "definitely"];

    /// <summary>Words that, before an ordinal or a number, make it a pick by position: "option 2", "number 3".</summary>
    private static readonly string[] PositionWords = ["option", "number", "choice", "#"];

    /// <summary>Choices' names read as words, by name (<see cref="NameWords"/>).</summary>
    private static readonly ConcurrentDictionary<string, List<string>> NameWordsKept = new(StringComparer.Ordinal);

    /// <summary>The choice the text picks, or null when none or more than one fits.</summary>
    public static FoundChoice? Recognize(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var tokens = Tokenize(text);
        if (tokens.Count == 0 || choices.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var name in Names(choices[i]))
            {
                if (SameWords(name, tokens))
                {
                    return new FoundChoice(choices[i].Value, i, name);
                }
            }
        }

        var meaningful = tokens.Where(t => !Fillers.Contains(t)).ToList();
        if (meaningful.Count == 1 && ByPosition(meaningful[0], choices.Count) is { } index)
        {
            return new FoundChoice(choices[index].Value, index, meaningful[0]);
        }

        if ((LeadingNumber(tokens, choices.Count) ?? NumberedOpening(text, choices.Count)) is { } opened)
        {
            return new FoundChoice(choices[opened].Value, opened, tokens[Math.Min(1, tokens.Count - 1)]);
        }

        var named = NamedByWords(tokens, choices);
        if (Positioned(tokens, choices.Count) is { } picked)
        {
            // "Refund the second one obviously": a position right after the words of another choice counts something
            // else (the second charge), and the choice named in words is the pick; "it's the invoice, so the fourth one" picks the fourth.
            var countsElse = named is not null && named.Index != picked
                && Enumerable.Range(2, Math.Max(0, tokens.Count - 2)).Any(i => ByPosition(tokens[i], choices.Count) == picked && tokens[i - 1] == "the" && NameWords(named.Matched).Contains(tokens[i - 2]));
            return countsElse ? named : new FoundChoice(choices[picked].Value, picked, tokens[Math.Min(1, tokens.Count - 1)]);
        }

        return named ?? ByDistinctWord(tokens, choices);
    }

    /// <summary>
    /// Words of a choice in a longer answer: the longest match wins ("refund the delivery" over "refund"); two
    /// different choices matched as long are a tie, and a tie picks nothing.
    /// </summary>
    private static FoundChoice? NamedByWords(List<string> tokens, IReadOnlyList<Choice> choices)
    {
        FoundChoice? found = null;
        var foundLength = 0;
        var tie = false;
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var name in Names(choices[i]))
            {
                var nameTokens = NameWords(name);

                // A bare "no" in a longer answer mostly answers what was asked before ("actually no, can I have a
                // refund instead"): it names its choice only when no other choice is named.
                var length = nameTokens is ["no" or "nope" or "nah"] ? 0 : nameTokens.Count;
                if (nameTokens.Count == 0 || length < foundLength || !ContainsRun(tokens, nameTokens, skipNegated: true))
                {
                    continue;
                }

                if (length == foundLength && found is not null && found.Index != i)
                {
                    tie = true;
                    continue;
                }

                tie = length == foundLength && tie;
                found = new FoundChoice(choices[i].Value, i, name);
                foundLength = length;
            }
        }

        return tie ? null : found;
    }

    /// <summary>
    /// A short answer that names a choice by one word of its title no other choice has ("the colleague one", "the email
    /// thing"): that choice. A word shared by two titles, or more than two words of one's own, picks nothing.
    /// </summary>
    private static FoundChoice? ByDistinctWord(List<string> tokens, IReadOnlyList<Choice> choices)
    {
        var own = tokens.Where(t => !Fillers.Contains(t) && t is not ("thing" or "way" or "bit")).ToList();
        if (tokens.Count > 5 || own.Count is 0 or > 2 || own.Any(t => Negations.Contains(t)))
        {
            return null;
        }

        FoundChoice? found = null;
        foreach (var word in own.Where(w => w.Length >= 4 && !CommonWords.Contains(w)))
        {
            var holders = Enumerable.Range(0, choices.Count).Where(i => Names(choices[i]).SelectMany(NameWords).Any(n => n == word || n == word + "s" || n + "s" == word)).ToList();
            if (holders is [var only] && (found is null || found.Index == only))
            {
                found = new FoundChoice(choices[only].Value, only, word);
            }
            else if (holders.Count > 0)
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>Words of a title too common to name it alone: "your", "about", "that".</summary>
    private static readonly string[] CommonWords = ["your", "yours", "about", "that", "this", "with", "from", "them", "they", "their", "what", "have", "will", "it's", "else", "something", "other"];

    /// <summary>
    /// The choices named by their own words in different places of <paramref name="text"/> ("refund me and cancel it":
    /// the refund and the cancellation), in the order of <paramref name="choices"/>. Longer names claim their words
    /// first, and words one choice's name claimed name no other ("refund the delivery" is not also "refund"); a name
    /// turned down ("not a replacement") names nothing, and neither does a position. With
    /// <paramref name="wished"/>, a choice after the first named counts only where it is wished for: at the start of
    /// the text or of a clause, or after "and", "also", "plus", "want" or "please" ("cancel it and refund me",
    /// "refund me, and also cancel it"), so "the engineer never came" is no wish for an engineer.
    /// </summary>
    public static IReadOnlyList<int> NamedApart(string? text, IReadOnlyList<Choice> choices, int wished = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var tokens = Tokenize(text);
        var claimed = new bool[tokens.Count];
        var names = new List<(int Choice, List<string> Run)>();
        for (var i = 0; i < choices.Count; i++)
        {
            foreach (var name in Names(choices[i]))
            {
                if (NameWords(name) is { Count: > 0 } run)
                {
                    names.Add((i, run));
                }
            }
        }

        var found = new List<int>();
        foreach (var (choice, run) in names.OrderByDescending(n => n.Run.Count))
        {
            for (var start = 0; start + run.Count <= tokens.Count; start++)
            {
                if (IsRunAt(tokens, run, start) && !claimed.AsSpan(start, run.Count).Contains(true) && !Negated(tokens, start)
                    && (choice < wished || start == 0 || WishWords.Contains(tokens[start - 1]) || (start > 1 && WishWords.Contains(tokens[start - 2]))))
                {
                    claimed.AsSpan(start, run.Count).Fill(true);
                    if (!found.Contains(choice))
                    {
                        found.Add(choice);
                    }
                }
            }
        }

        found.Sort();
        return found;
    }

    /// <summary>Words after which a remedy's name is wished for: "and cancel it", "also refund me", "please cancel".</summary>
    private static readonly string[] WishWords = ["and", "also", "plus", "want", "please", "pls", "then", "just"];

    /// <summary>
    /// A choice's name as words (<see cref="Tokenize"/>), shared and never changed: names come from the catalog and the
    /// prompts, so the same few are read on every turn. Past a bound, names are read afresh rather than kept.
    /// </summary>
    private static List<string> NameWords(string name) =>
        NameWordsKept.TryGetValue(name, out var words) ? words
        : NameWordsKept.Count < 4096 ? NameWordsKept.GetOrAdd(name, Tokenize)
        : Tokenize(name);

    /// <summary>Lower-cased words of the text, without surrounding punctuation.</summary>
    internal static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        foreach (var raw in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim(Surrounding).ToLowerInvariant();
            if (token.Length > 0)
            {
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>Whether <paramref name="text"/> has at most <paramref name="most"/> words (<see cref="Tokenize"/>), counted without allocating.</summary>
    internal static bool HasAtMostWords(string? text, int most)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var count = 0;
        foreach (var range in text.AsSpan().SplitAny(Separators))
        {
            if (!text.AsSpan(range).Trim(Surrounding).IsEmpty && ++count > most)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/>'s words (<see cref="Tokenize"/>) are exactly <paramref name="tokens"/>, read without allocating.</summary>
    private static bool SameWords(string name, List<string> tokens)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return tokens.Count == 0;
        }

        Span<char> lower = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var count = 0;
        foreach (var range in name.AsSpan().SplitAny(Separators))
        {
            var raw = name.AsSpan(range).Trim(Surrounding);
            if (raw.IsEmpty)
            {
                continue;
            }

            var token = lower[..raw.ToLowerInvariant(lower)];
            if (count == tokens.Count || !token.SequenceEqual(tokens[count]))
            {
                return false;
            }

            count++;
        }

        return count == tokens.Count;
    }

    private static IEnumerable<string> Names(Choice choice)
    {
        yield return choice.Value;
        if (choice.Title is not null)
        {
            yield return choice.Title;
        }

        foreach (var synonym in choice.Synonyms)
        {
            yield return synonym;
        }
    }

    /// <summary>
    /// A pick by position inside a longer answer, named as one ("so the second one please", "option 2 sounds best");
    /// null when there is none, or two different ones.
    /// </summary>
    private static int? Positioned(List<string> tokens, int count)
    {
        int? found = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            // "The first time it happened" is no pick: "the" counts only before the last word ("I'll take the second").
            var before = i > 0 ? tokens[i - 1] : null;
            var named = PositionWords.Contains(before) || (before == "the" && i == tokens.Count - 1) || (i + 1 < tokens.Count && tokens[i + 1] is "one" or "option" or "please" or "pls");
            if (named && ByPosition(tokens[i], count) is { } position)
            {
                if (found is { } other && other != position)
                {
                    return null;
                }

                found = position;
            }
        }

        return found;
    }

    /// <summary>"1 I guess, as long as it's the right shoes", "2 - how soon?": an answer that opens with its pick.</summary>
    private static int? LeadingNumber(List<string> tokens, int count) =>
        tokens.Count > 1 && AfterLeadingNumber.Contains(tokens[1]) && tokens[0] != "last" ? ByPosition(tokens[0], count) : null;

    /// <summary>"4. refund the duplicate £24.50", "2) please": an answer that opens with a number and a stop picks by it.</summary>
    private static int? NumberedOpening(string? text, int count)
    {
        var opening = text.AsSpan().TrimStart();
        var digits = opening.IndexOfAnyExceptInRange('0', '9');
        return digits is 1 or 2 && opening[digits] is '.' or ')' or ':' or '-' && (digits + 1 == opening.Length || !char.IsDigit(opening[digits + 1]))
            ? ByPosition(opening[..digits].ToString(), count)
            : null;
    }

    private static int? ByPosition(string token, int count)
    {
        var digits = token.TrimStart('#');
        foreach (var suffix in new[] { "st", "nd", "rd", "th" })
        {
            if (digits.Length > suffix.Length && digits.EndsWith(suffix, StringComparison.Ordinal) && char.IsDigit(digits[0]))
            {
                digits = digits[..^suffix.Length];
            }
        }

        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count)
        {
            return number - 1;
        }

        var ordinal = Array.IndexOf(Ordinals, token);
        if (ordinal >= 0 && ordinal < count)
        {
            return ordinal;
        }

        return token == "last" ? count - 1 : null;
    }

    /// <summary>
    /// Whether <paramref name="run"/> is in <paramref name="tokens"/>; with <paramref name="skipNegated"/>, not where a
    /// word of <see cref="Negations"/> in the three words before turns it down ("I don't want a replacement").
    /// </summary>
    private static bool ContainsRun(List<string> tokens, List<string> run, bool skipNegated = false)
    {
        for (var start = 0; start + run.Count <= tokens.Count; start++)
        {
            // "No, refund me" still picks the refund: a bare "no" answers the question before, it turns nothing down.
            if ((!skipNegated || !Negated(tokens, start)) && IsRunAt(tokens, run, start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word of <see cref="Negations"/> is among the three words before <paramref name="start"/>.</summary>
    private static bool Negated(List<string> tokens, int start) =>
        tokens.Skip(Math.Max(0, start - 3)).Take(Math.Min(start, 3)).Any(t => Negations.Contains(t));

    private static bool IsRunAt(List<string> tokens, List<string> run, int start)
    {
        for (var j = 0; j < run.Count; j++)
        {
            if (tokens[start + j] != run[j])
            {
                return false;
            }
        }

        return true;
    }
}
