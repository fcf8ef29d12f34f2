namespace SupportBot.Core.Sentiment;

/// <summary>A word or emoticon of the text being scored: where it starts, how long it is, and whether it is in capitals.</summary>
internal readonly record struct SentimentToken(int Start, int Length, bool Upper)
{
    /// <summary>The token's text in <paramref name="lower"/>, the lower-cased text it was read from.</summary>
    public ReadOnlySpan<char> Word(ReadOnlySpan<char> lower) => lower.Slice(Start, Length);
}
