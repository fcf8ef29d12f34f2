using System.Globalization;
using System.Text.RegularExpressions;

namespace SupportBot.Core.Sentiment;

/// <summary>
/// The words and phrases the local analyzer knows: the VADER lexicon (C.J. Hutto and E. Gilbert, ICWSM 2014; MIT
/// licence, shipped by the npm package vader-sentiment) plus SupportBot's support-domain lexicon
/// (<c>dialogs/sentiment-lexicon.tsv</c>), whose entries may be phrases and may carry emotions.
/// </summary>
public sealed partial class SentimentLexicon
{
    private readonly Dictionary<string, float> _words;
    private readonly Dictionary<string, Emotion[]> _emotions;
    private readonly Dictionary<string, Phrase[]> _phrasesByFirstWord;

    private SentimentLexicon(Dictionary<string, float> words, Dictionary<string, Emotion[]> emotions, Dictionary<string, Phrase[]> phrases)
    {
        _words = words;
        _emotions = emotions;
        _phrasesByFirstWord = phrases;
        Words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        Emotions = _emotions.GetAlternateLookup<ReadOnlySpan<char>>();
        Phrases = _phrasesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Valence (-4..+4) of a lower-case word or emoticon.</summary>
    internal Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> Words { get; }

    /// <summary>Emotions a lower-case word carries.</summary>
    internal Dictionary<string, Emotion[]>.AlternateLookup<ReadOnlySpan<char>> Emotions { get; }

    /// <summary>Phrases starting with a lower-case word, longest first.</summary>
    internal Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> Phrases { get; }

    /// <summary>How many single words and phrases are known.</summary>
    public int Count => _words.Count + _phrasesByFirstWord.Values.Sum(p => p.Length);

    /// <summary>
    /// Reads the VADER lexicon (<c>token TAB mean TAB sd TAB ratings</c>) and, when given, the support lexicon
    /// (<c>term TAB valence [TAB emotions]</c>, <c>#</c> comments). A bad support line throws
    /// <see cref="FormatException"/> naming the file and line.
    /// </summary>
    public static SentimentLexicon Load(string vaderPath, string? supportPath)
    {
        var words = new Dictionary<string, float>(8192, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(vaderPath))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var end = tab < 0 ? -1 : line.IndexOf('\t', tab + 1);
            if (tab > 0 && end > tab && float.TryParse(line.AsSpan(tab + 1, end - tab - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                words[line[..tab]] = valence;
            }
        }

        AddBritishSpellings(words);
        var emotions = new Dictionary<string, Emotion[]>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        foreach (var (idiom, valence) in VaderIdioms)
        {
            var idiomWords = idiom.Split(' ');
            if (!phrases.TryGetValue(idiomWords[0], out var list))
            {
                phrases[idiomWords[0]] = list = [];
            }

            list.Add(new Phrase(idiomWords, valence, []));
        }
        if (supportPath is not null)
        {
            var number = 0;
            var display = Path.Combine(Path.GetFileName(Path.GetDirectoryName(supportPath)) ?? string.Empty, Path.GetFileName(supportPath)).Replace('\\', '/');
            foreach (var raw in File.ReadLines(supportPath))
            {
                number++;
                var line = raw.TrimEnd();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var parts = line.Split('\t');
                if (parts.Length < 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence) || valence is < -4 or > 4)
                {
                    throw new FormatException($"{display}:{number}: expected \"term<TAB>valence[<TAB>emotions]\" with a valence from -4 to 4, got \"{line}\".");
                }

                var found = new List<Emotion>();
                foreach (var name in parts.Length > 2 ? parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])
                {
                    if (!Enum.TryParse<Emotion>(name, ignoreCase: true, out var emotion))
                    {
                        throw new FormatException($"{display}:{number}: unknown emotion '{name}' (known: {string.Join(", ", Enum.GetNames<Emotion>()).ToLowerInvariant()}).");
                    }

                    found.Add(emotion);
                }

                var term = parts[0].Trim().ToLowerInvariant();
                var termWords = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (termWords.Length == 1)
                {
                    // A word VADER already rates keeps its human-rated valence; the line adds only its emotions.
                    words.TryAdd(term, valence);
                    if (found.Count > 0)
                    {
                        emotions[term] = [.. found];
                    }
                }
                else
                {
                    if (!phrases.TryGetValue(termWords[0], out var list))
                    {
                        phrases[termWords[0]] = list = [];
                    }

                    list.Add(new Phrase(termWords, valence, [.. found]));
                }
            }
        }

        return new SentimentLexicon(
            words,
            emotions,
            phrases.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// VADER's raters used American spelling; customers also write "favourite", "apologise" and "paralysed". Each
    /// American form gets its British twin with the same valence, unless the lexicon rates that twin already.
    /// </summary>
    private static void AddBritishSpellings(Dictionary<string, float> words)
    {
        foreach (var (word, valence) in words.ToArray())
        {
            var british = BritishSpelling().Replace(word, m => m.Groups["or"].Success ? m.Groups["or"].Value + "ur" : m.Groups["iz"].Value + "s");
            if (!ReferenceEquals(british, word) && british != word)
            {
                words.TryAdd(british, valence);
            }
        }
    }

    [GeneratedRegex("^(?<or>(dis)?(fav|flav|hum|hon|dishon|col|lab|rum|vig|val|neighb|behavi|harb|clam|cand|ard|rig|savi|glam|od|arm|ferv|ranc|splend|tum|vap)o)r(?=(s|ed|ing|able|ably|ful|ite|ites|less|ous)?$)|(?<=\\w{3})(?<iz>[iy])z(?=(e|ed|es|ing|ation|ations)$)", RegexOptions.CultureInvariant)]
    private static partial Regex BritishSpelling();

    /// <summary>VADER's special-case idioms, whose meaning is not the sum of their words.</summary>
    private static readonly (string Idiom, float Valence)[] VaderIdioms =
    [
        ("the shit", 3f), ("the bomb", 3f), ("bad ass", 1.5f), ("badass", 1.5f), ("yeah right", -2f), ("cut the mustard", 2f),
        ("kiss of death", -1.5f), ("hand to mouth", -2f),
    ];

    /// <summary>A phrase of several lower-case words, its valence and emotions.</summary>
    internal sealed record Phrase(string[] Words, float Valence, Emotion[] Emotions);
}
