namespace SupportBot.Web.Admin;

/// <summary>A message to add to a category's examples (<c>examples.yaml</c>), based on the file as opened.</summary>
public sealed record ExampleAdd(string? Category, string? Text, string? Base, bool Draft);
