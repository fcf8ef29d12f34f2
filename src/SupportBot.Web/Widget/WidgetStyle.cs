namespace SupportBot.Web.Widget;

/// <summary>Web Chat style options (their names are Web Chat's).</summary>
public sealed record WidgetStyle(
    string Accent,
    string BackgroundColor,
    string BubbleFromUserBackground,
    string BubbleFromUserTextColor,
    string BotAvatarInitials,
    string? BotAvatarImage,
    string UserAvatarInitials,
    bool HideUploadButton);
