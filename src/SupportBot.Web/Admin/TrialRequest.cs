namespace SupportBot.Web.Admin;

/// <summary>A message to try: what the customer writes, and the name they write under.</summary>
public sealed record TrialRequest(string? Text, string? Name);
