namespace SupportBot.Core.Understanding.Entities;

/// <summary>
/// Reads every kind of entity in one message at once, for a dialog that wants them all: amounts, dates, order
/// numbers, contacts, products, whether the message gives nothing, and whether it corrects something.
/// </summary>
public static class EntityReader
{
    /// <summary>Everything found in <paramref name="text"/>.</summary>
    /// <param name="text">The customer's message.</param>
    /// <param name="now">The moment they wrote (from the turn's <see cref="TimeProvider"/>, never the clock).</param>
    /// <param name="defaultCurrency">The shop's ISO 4217 code, for bare amounts; "USD" also reads "03/04" as 4 March.</param>
    public static MessageEntities ReadAll(string? text, DateTimeOffset now, string defaultCurrency)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new MessageEntities { Amounts = [], Dates = [], OrderNumbers = [], Contacts = [], Products = [] };
        }

        var monthFirst = string.Equals(defaultCurrency, "USD", StringComparison.OrdinalIgnoreCase);
        var amounts = MoneyReader.Read(text, defaultCurrency);
        var dates = DateReader.Read(text, now, monthFirst);
        var orders = OrderNumberReader.Read(text);
        var contacts = ContactReader.Read(text);
        var products = ProductReader.Read(text);
        return new MessageEntities
        {
            Amounts = amounts,
            Dates = dates,
            OrderNumbers = orders,
            Contacts = contacts,
            Products = products,
            NoAnswer = NoAnswerReader.Read(text),
            Correction = CorrectionReader.From(text, amounts, dates, orders, contacts, products),
        };
    }
}
