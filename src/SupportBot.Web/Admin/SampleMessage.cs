namespace SupportBot.Web.Admin;

/// <summary>A labelled customer message from the reader's examples, for a sample customer: its category and feeling band.</summary>
public sealed record SampleMessage(string Text, string Category, string Feeling);
