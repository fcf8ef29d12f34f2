namespace SupportBot.Web.Admin;

/// <summary>A message to try: what the customer writes, the name they write under, and whether to try it on the draft.</summary>
public sealed record TrialRequest(string? Text, string? Name, bool Draft);
