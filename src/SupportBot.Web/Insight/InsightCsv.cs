using System.Globalization;
using System.Text;

namespace SupportBot.Web.Insight;

/// <summary>
/// CSV as spreadsheets read it (RFC 4180, UTF-8): fields quoted when they hold a comma, quote or line break, and a
/// field a spreadsheet would run as a formula (starting with =, +, -, @) prefixed with an apostrophe, since
/// customers' words are exported too.
/// </summary>
public static class InsightCsv
{
    /// <summary>A header row and the rows, as one CSV text.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        Row(text, [.. header]);
        foreach (var row in rows)
        {
            Row(text, row);
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, IReadOnlyList<object?> row)
    {
        for (var i = 0; i < row.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(row[i]));
        }

        text.Append("\r\n");
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (text.Length > 0 && value is string && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
