namespace SupportBot.Web.Admin;

/// <summary>A clarifying question a category asks: its id and how the bot asks it.</summary>
public sealed record QuestionView(string Id, string Text);
