using System.Buffers;

namespace SupportBot.Core.Understanding;

/// <summary>
/// Turns a message into hashed sparse features for <see cref="LinearModel"/>: words and word pairs, character
/// 3- to 5-grams inside each word (so "refnd", "REFUND" and "refunded" share most features), the first word, question
/// and exclamation marks, the message's length, and one feature per catalog category whose keywords appear. Text is
/// lower-cased, apostrophes dropped ("don’t" = "dont") and digits folded to 0 (every order number looks alike). The
/// hash is FNV-1a with fixed seeds, so the same text gives the same features in every process.
/// </summary>
public sealed class TextFeaturizer
{
    /// <summary>Only the start of a longer text is read: customers say what matters first.</summary>
    public const int MaxCharacters = 1000;

    /// <summary>The most features one text yields; size buffers passed to <see cref="Extract(string, Span{int})"/> with it.</summary>
    public const int MaxFeatures = 4096;

    private const uint Word = 0x9E3779B9, Pair = 0x85EBCA6B, First = 0xC2B2AE35, Gram = 0x27D4EB2F, Flag = 0x165667B1, Keyword = 0xD3A2646C;

    private readonly int _mask;
    private readonly bool _grams;

    /// <summary>Each category's keywords, normalized, searched for all at once.</summary>
    private readonly SearchValues<string>[] _keywords;

    /// <param name="bits">The feature space is 2^bits wide; 18 keeps collisions rare for a few thousand examples.</param>
    /// <param name="keywords">Each category's keywords (from <c>categories.yaml</c>), in the order the categories are listed.</param>
    /// <param name="characterGrams">Whether words also yield their character 3- to 5-grams.</param>
    public TextFeaturizer(int bits = 18, IReadOnlyList<IReadOnlyList<string>>? keywords = null, bool characterGrams = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        _mask = (1 << bits) - 1;
        _grams = characterGrams;
        _keywords = [.. (keywords ?? []).Select(list => SearchValues.Create([.. list.Select(k => Normalize(k)).Where(k => k.Length > 2)], StringComparison.Ordinal))];
    }

    /// <summary>The width of the feature space (2^bits).</summary>
    public int Dimension => _mask + 1;

    /// <summary>Lower-cases and splits <paramref name="text"/> the way features see it: <c>" word word "</c>, with a space at each end.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<char> buffer = stackalloc char[Math.Min(text.Length, MaxCharacters) + 2];
        var length = Normalize(text, buffer, out _, out _);
        return new string(buffer[..length]);
    }

    /// <summary>Writes the features of <paramref name="text"/> into <paramref name="features"/>; returns how many.</summary>
    public int Extract(string text, Span<int> features)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Extract(text.AsSpan(), features);
    }

    /// <summary>Writes the features of <paramref name="text"/> into <paramref name="features"/>; returns how many.</summary>
    public int Extract(ReadOnlySpan<char> text, Span<int> features)
    {
        Span<char> norm = stackalloc char[Math.Min(text.Length, MaxCharacters) + 2];
        var length = Normalize(text, norm, out var questionMarks, out var exclamations);
        norm = norm[..length];
        var count = 0;
        var tokens = 0;
        uint previous = 0;
        var start = 1;
        while (start < norm.Length && count < features.Length - 16)
        {
            var end = norm[start..].IndexOf(' ') + start;
            if (end <= start)
            {
                break;
            }

            var token = norm[start..end];
            var hash = Hash(Word, token);
            Add(features, ref count, hash);
            Add(features, ref count, tokens == 0 ? Mix(First, hash) : Mix(previous ^ Pair, hash));
            if (_grams)
            {
                count = Grams(token, features, count);
            }

            previous = hash;
            tokens++;
            start = end + 1;
        }

        Add(features, ref count, Mix(Flag, (uint)Math.Min(tokens, 3) + (uint)(tokens > 6 ? 4 : 0) + (uint)(tokens > 15 ? 8 : 0)));
        if (questionMarks > 0)
        {
            Add(features, ref count, Mix(Flag, 100));
        }

        if (exclamations > 0)
        {
            Add(features, ref count, Mix(Flag, 101));
        }

        for (var category = 0; category < _keywords.Length && count < features.Length; category++)
        {
            if (norm.IndexOfAny(_keywords[category]) >= 0)
            {
                Add(features, ref count, Mix(Keyword, (uint)category));
            }
        }

        for (var i = 0; i < count; i++)
        {
            features[i] &= _mask;
        }

        return count;
    }

    /// <summary>The feature for <paramref name="value"/> of a property of its own (<paramref name="seed"/>), in this featurizer's space.</summary>
    public int Feature(uint seed, uint value) => (int)Mix(seed, value) & _mask;

    private static int Normalize(ReadOnlySpan<char> text, Span<char> buffer, out int questionMarks, out int exclamations)
    {
        var source = text[..Math.Min(text.Length, MaxCharacters)];
        questionMarks = 0;
        exclamations = 0;
        var n = 0;
        buffer[n++] = ' ';
        foreach (var c in source)
        {
            if (char.IsLetter(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
            else if (char.IsDigit(c))
            {
                buffer[n++] = '0';
            }
            else if (c is '\'' or '’' or '‘' or '`')
            {
                continue;
            }
            else
            {
                questionMarks += c == '?' ? 1 : 0;
                exclamations += c == '!' ? 1 : 0;
                if (buffer[n - 1] != ' ')
                {
                    buffer[n++] = ' ';
                }
            }
        }

        if (buffer[n - 1] != ' ')
        {
            buffer[n++] = ' ';
        }

        return n;
    }

    private static int Grams(ReadOnlySpan<char> token, Span<int> features, int count)
    {
        // "<word>": the boundaries make prefixes and suffixes features of their own.
        var padded = token.Length + 2;
        for (var size = 3; size <= 5; size++)
        {
            for (var at = 0; at + size <= padded && count < features.Length - 16; at++)
            {
                var hash = 2166136261u ^ Gram ^ (uint)size;
                for (var i = at; i < at + size; i++)
                {
                    var c = i == 0 ? '<' : i == padded - 1 ? '>' : token[i - 1];
                    hash = (hash ^ c) * 16777619u;
                }

                features[count++] = (int)hash;
            }
        }

        return count;
    }

    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        var hash = 2166136261u ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static uint Mix(uint a, uint b)
    {
        var hash = (2166136261u ^ a) * 16777619u;
        hash = (hash ^ b) * 16777619u;
        return hash ^ (hash >> 15);
    }

    private static void Add(Span<int> features, ref int count, uint hash)
    {
        if (count < features.Length)
        {
            features[count++] = (int)hash;
        }
    }
}
