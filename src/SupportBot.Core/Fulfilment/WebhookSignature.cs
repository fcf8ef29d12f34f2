using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Core.Fulfilment;

/// <summary>
/// The signature on every webhook request and callback: <c>X-SupportBot-Signature: sha256=&lt;hex&gt;</c>, the
/// lower-case hex HMAC-SHA256 of the raw body bytes with the webhook's secret.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-SupportBot-Signature";
    public const string DeliveryHeader = "X-SupportBot-Delivery";
    private const string Prefix = "sha256=";

    /// <summary>The header value for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> (compared in constant time).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length == 0 || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(body, secret));
        var given = Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
