namespace SupportBot.Web.Widget;

/// <summary>What <c>/widget/config.json</c> tells the embed script.</summary>
public sealed record WidgetConfig(string Title, string Greeting, string? Locale, WidgetStyle StyleOptions);
