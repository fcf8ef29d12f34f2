namespace SupportBot.Web.Channels;

/// <summary>Why an inbound request was refused (null: it may proceed).</summary>
public sealed record AuthFailure(int Status, string Reason);
