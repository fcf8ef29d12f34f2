namespace SupportBot.Web.Admin;

/// <summary>One line of a diff: <c>" "</c> unchanged, <c>"-"</c> only in the older text, <c>"+"</c> only in the newer, <c>"…"</c> unchanged lines left out.</summary>
/// <param name="Op">What happened to the line.</param>
/// <param name="Text">The line.</param>
/// <param name="Line">Its number in the newer text (in the older for a removed line); 0 for left-out lines.</param>
public sealed record DiffLine(string Op, string Text, int Line);
