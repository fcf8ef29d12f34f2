using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using SupportBot.Web.Hosting;

namespace SupportBot.Web.DirectLine;

/// <summary>
/// How many conversations anonymous visitors may start through <c>POST /directline/token</c> each hour (a clock
/// hour): <c>DirectLine:AnonymousPerAddressPerHour</c> from one client address (an IPv6 address counts by its /64,
/// which one household or phone is given), and <c>DirectLine:AnonymousPerHour</c> from all addresses together. A
/// token opens its own conversation only, and refreshing it keeps that conversation, so counting tokens counts
/// conversations. Each instance counts what it sees.
/// </summary>
public sealed class AnonymousChats(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly FixedWindows _windows = new(TimeSpan.FromHours(1), time);

    /// <summary>Null when <paramref name="address"/> may start a conversation; otherwise the seconds to wait and why, in words a visitor reads.</summary>
    public (int Seconds, string Message)? TryStart(IPAddress? address)
    {
        var limits = options.Value;
        if (_windows.TryAcquire("address:" + KeyOf(address), limits.AnonymousPerAddressPerHour) is { } wait)
        {
            return (wait, $"Too many chats were started from your network this hour. Please try again in {InWords(wait)}.");
        }

        return _windows.TryAcquire("all", limits.AnonymousPerHour) is { } busy
            ? (busy, $"So many chats have started this hour that new ones must wait. Please try again in {InWords(busy)}.")
            : null;
    }

    private static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress([.. address.GetAddressBytes()[..8], .. new byte[8]]) + "/64"
            : address.ToString();
    }

    private static string InWords(int seconds) =>
        seconds < 90 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes";
}
