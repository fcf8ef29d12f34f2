namespace SupportBot.Web.Admin;

/// <summary>A line the bot said, with the prompt and variant it came from (when one reads so) and the buttons it showed.</summary>
/// <param name="Text">What the customer reads.</param>
/// <param name="Key">The prompt key, e.g. <c>empathy.upset.frustration</c>.</param>
/// <param name="Id">The variant id, e.g. <c>upset-frustration-2</c>.</param>
/// <param name="File">The file it is written in, e.g. <c>dialogs/empathy.yaml</c>.</param>
/// <param name="Buttons">The suggested actions' titles.</param>
public sealed record BotLine(string Text, string? Key, string? Id, string? File, IReadOnlyList<string> Buttons);
