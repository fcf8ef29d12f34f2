namespace SupportBot.Web.Admin;

/// <summary>A file as it was before and after one change: what a roll-back restores, and how it tells a later edit.</summary>
public sealed record HistoryTexts(string Before, string After);
