namespace SupportBot.Core.Support;

/// <summary>A kind of problem: its button title, the words that point to it, what to ask, which remedies fit.</summary>
public sealed record Category(string Id, string Title, IReadOnlyList<string> Keywords, IReadOnlyList<string> Questions, IReadOnlyList<string> Remedies);
