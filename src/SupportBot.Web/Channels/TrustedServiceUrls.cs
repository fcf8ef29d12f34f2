using System.Collections.Concurrent;

namespace SupportBot.Web.Channels;

/// <summary>
/// The service URLs the bot may send its Connector token to: those of authenticated activities, and the configured
/// agents' Teams channel. A token never goes anywhere else: it lets its holder act as the bot.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string? serviceUrl)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            _hosts.TryAdd(uri.GetLeftPart(UriPartial.Authority), 0);
        }
    }

    public bool Contains(Uri target) => _hosts.ContainsKey(target.GetLeftPart(UriPartial.Authority));
}
