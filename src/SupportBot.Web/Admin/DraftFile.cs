namespace SupportBot.Web.Admin;

/// <summary>A file the draft changes, relative to <c>dialogs/</c>, and the diff from its live text.</summary>
public sealed record DraftFile(string File, IReadOnlyList<DiffLine> Diff);
