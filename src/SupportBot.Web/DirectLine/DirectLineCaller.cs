namespace SupportBot.Web.DirectLine;

/// <summary>Who is calling: the holder of the secret (any conversation) or of a token (its conversation only).</summary>
public sealed record DirectLineCaller(bool HasSecret, DirectLineGrant? Grant);
