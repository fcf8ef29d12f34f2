using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SupportBot.Core.State;

namespace SupportBot.Web.Agents;

/// <summary>
/// ASP.NET Core's data protection keys (they sign the console's cookies) in PostgreSQL's <c>keys</c> table, so every
/// instance sharing the database signs and checks with the same keys: a console signed in on one instance is signed
/// in on all. As in the file system, a key is kept as plain XML: the table is as private as the rest of the database.
/// </summary>
public sealed class DatabaseKeyRepository(PostgresDatabase database) : IXmlRepository
{
    private const string Prefix = "dataprotection/";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var select = database.DataSource.CreateCommand("SELECT value FROM keys WHERE name LIKE 'dataprotection/%' ORDER BY name");
        using var rows = select.ExecuteReader();
        var elements = new List<XElement>();
        while (rows.Read())
        {
            elements.Add(XElement.Parse(rows.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var insert = database.DataSource.CreateCommand("INSERT INTO keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
        insert.Parameters.AddWithValue("name", Prefix + (string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString() : friendlyName));
        insert.Parameters.AddWithValue("value", element.ToString(SaveOptions.DisableFormatting));
        insert.ExecuteNonQuery();
    }
}
