using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.DirectLine;

/// <summary>The <c>DirectLine</c> section: the built-in Direct Line 3.0 endpoint at <c>/v3/directline</c>.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret: a site's server sends it (<c>Authorization: Bearer</c>) to
    /// <c>POST /v3/directline/tokens/generate</c> to mint a token for a signed-in customer. Never give it to a
    /// browser. Empty: no secret is accepted, and tokens are signed with a key kept in the data folder.
    /// </summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>How long a token lives; a client refreshes it before then (Web Chat does every 15 minutes).</summary>
    [Range(2, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>
    /// Whether <c>POST /directline/token</c> hands any visitor a token for a new conversation (what the page at
    /// <c>/</c> and the embed snippet use). Turn it off when only signed-in customers may chat.
    /// </summary>
    public bool AnonymousTokens { get; set; } = true;

    /// <summary>
    /// Anonymous conversations (<c>POST /directline/token</c>) one client address may start per hour. Enough for
    /// visitors who share an address (an office, a mobile network); a script gets 429 with <c>Retry-After</c>.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerAddressPerHour { get; set; } = 20;

    /// <summary>
    /// Anonymous conversations all addresses together may start per hour (per instance): the most a flood from many
    /// addresses can add to storage. Signed-in customers' tokens (minted with the secret) do not count.
    /// </summary>
    [Range(1, 10_000_000)]
    public int AnonymousPerHour { get; set; } = 500;

    /// <summary>Seconds between the empty keep-alive frames sent on an idle WebSocket stream.</summary>
    [Range(1, 300)]
    public int KeepAliveSeconds { get; set; } = 20;

    /// <summary>
    /// The public address clients reach this server at (e.g. <c>https://support.example.com</c>), used in stream
    /// URLs behind a proxy that terminates TLS. Empty: taken from each request.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;
}
