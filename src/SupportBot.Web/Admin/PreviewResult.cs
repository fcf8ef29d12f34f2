namespace SupportBot.Web.Admin;

/// <summary>A wording filled for a sample customer as the bot fills it.</summary>
/// <param name="Text">The line as the customer reads it.</param>
/// <param name="Message">What the sample customer wrote.</param>
/// <param name="Feeling">How the bot reads that message's feeling.</param>
/// <param name="Name">The customer's first name, as the bot addresses them.</param>
public sealed record PreviewResult(string Text, string Message, string Feeling, string? Name);
