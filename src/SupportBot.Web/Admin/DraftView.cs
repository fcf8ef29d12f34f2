namespace SupportBot.Web.Admin;

/// <summary>The draft: whether one is open, and each file it changes with how (a diff from the live file as it was when the draft began).</summary>
public sealed record DraftView(bool Exists, IReadOnlyList<DraftFile> Files);
