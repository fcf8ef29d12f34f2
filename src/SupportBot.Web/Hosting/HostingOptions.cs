using System.Net;

namespace SupportBot.Web.Hosting;

/// <summary>
/// The <c>Hosting</c> section: the proxies in front of the bot whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed. Empty (the default): nothing forwarded is believed, so a client can claim
/// neither another address nor HTTPS.
/// </summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Addresses of the proxies (load balancer, TLS terminator) that forward requests, e.g. <c>10.0.0.4</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Whether any proxy is configured.</summary>
    public bool TrustsProxies => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    /// <summary>Whether every entry parses: addresses as addresses, networks as CIDR ranges.</summary>
    public bool IsValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p.Trim(), out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n.Trim(), out _));
}
