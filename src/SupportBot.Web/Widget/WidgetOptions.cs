namespace SupportBot.Web.Widget;

/// <summary>The <c>Widget</c> section: how the chat looks on the page at <c>/</c> and in the embed snippet.</summary>
public sealed class WidgetOptions
{
    public const string Section = "Widget";

    /// <summary>The heading of the page and of the chat panel.</summary>
    public string Title { get; set; } = "SupportBot";

    /// <summary>The line under the heading on the page at <c>/</c>.</summary>
    public string Greeting { get; set; } = "Tell us what went wrong, and we'll put it right together.";

    /// <summary>The main colour: the user's bubbles, buttons and the header.</summary>
    public string AccentColor { get; set; } = "#0063B1";

    /// <summary>The background of the chat.</summary>
    public string BackgroundColor { get; set; } = "#F7F7F9";

    /// <summary>The bot's avatar: initials, or an image URL in <see cref="BotAvatarImage"/>.</summary>
    public string BotAvatarInitials { get; set; } = "SB";

    public string BotAvatarImage { get; set; } = string.Empty;

    public string UserAvatarInitials { get; set; } = "You";

    /// <summary>The widget's language (e.g. <c>en-US</c>); empty: the browser's.</summary>
    public string Locale { get; set; } = string.Empty;

    /// <summary>Other sites allowed to embed the chat (CORS), e.g. <c>https://www.example.com</c>. Empty: only this server's own page.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
