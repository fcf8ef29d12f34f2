namespace SupportBot.Web.Admin;

/// <summary>The catalog's remedies, the currency of their limits, and <c>remedies.yaml</c> as on disk (what an edit is based on).</summary>
public sealed record RemedyBook(bool Draft, string Text, string Currency, IReadOnlyList<RemedyView> Remedies);
