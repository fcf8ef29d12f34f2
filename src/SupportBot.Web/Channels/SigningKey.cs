using System.Security.Cryptography;

namespace SupportBot.Web.Channels;

/// <summary>A signing key from an OpenID keys document, and the channels it is endorsed for (empty: any).</summary>
public sealed record SigningKey(RSAParameters Parameters, IReadOnlyList<string> Endorsements);
