using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Endpoints;

/// <summary>The <c>Messages</c> section: limits on what <c>POST /api/messages</c> and Direct Line accept.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    [Range(1, 1024 * 1024)]
    public int MaxTextLength { get; set; } = 10_000;
}
