namespace SupportBot.Core.Understanding;

/// <summary>
/// What a message gives for a clarifying question: the value kept in the case ("desk lamp", "4471-2231", "£89.00")
/// and the customer's words that gave it ("my new desk lamp", "89 pounds"), to say back to them.
/// </summary>
public sealed record SlotValue(string Value, string Words);
