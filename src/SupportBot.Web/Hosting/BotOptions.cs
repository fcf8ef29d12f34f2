using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Hosting;

/// <summary>The <c>Bot</c> section: who the bot is on its channels.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The Azure Bot app id. Empty: the embedded default, accepting only loopback callers.</summary>
    public string MicrosoftAppId { get; set; } = string.Empty;

    [Required]
    public string Name { get; set; } = "SupportBot";
}
