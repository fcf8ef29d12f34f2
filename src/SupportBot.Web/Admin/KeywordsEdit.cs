namespace SupportBot.Web.Admin;

/// <summary>A category's keywords, all of them, to write to <c>categories.yaml</c>, based on the file as opened.</summary>
public sealed record KeywordsEdit(string? Category, IReadOnlyList<string>? Keywords, string? Base, bool Draft);
