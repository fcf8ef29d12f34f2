namespace SupportBot.Web.Admin;

/// <summary>One change the studio made to a file under <c>dialogs/</c>: who, when, which file, and what, in words.</summary>
/// <param name="Id">Names the change, to roll it back.</param>
/// <param name="At">When it was saved.</param>
/// <param name="Who">The sign-in name of the admin who saved it.</param>
/// <param name="File">The file, relative to <c>dialogs/</c> (<c>greeting.yaml</c>, <c>catalog/remedies.yaml</c>).</param>
/// <param name="Summary">What changed, e.g. <c>greeting.welcome › welcome-1: "Hi {name}…"</c>.</param>
/// <param name="RollsBack">The change this one undid, when it is a roll-back.</param>
public sealed record HistoryEntry(string Id, DateTimeOffset At, string Who, string File, string Summary, string? RollsBack = null);
