namespace SupportBot.Web.Admin;

/// <summary>Something the entity readers found in a message: its kind (amount, date, order, contact, product), the words, and what they were read as.</summary>
public sealed record EntityView(string Kind, string Text, string Value);
