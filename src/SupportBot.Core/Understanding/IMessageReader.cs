namespace SupportBot.Core.Understanding;

/// <summary>
/// Reads what a customer's message says: its kind, its category, and whether they want a person. The local
/// reader (<see cref="LocalMessageReader"/>) is trained from the catalog's examples; a hosted service such as
/// Azure AI Language conversational language understanding can stand in behind the same interface.
/// </summary>
public interface IMessageReader
{
    /// <summary>Reads one message. Synchronous and fast enough to call on every turn.</summary>
    MessageReading Read(string text);
}
