using System.Globalization;
using System.Text;

namespace SupportBot.Core.Insight;

/// <summary>A query being written, with its parameters (<c>@p0</c>…) in order.</summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new();
    private readonly List<object?> _values = [];

    public IReadOnlyList<object?> Values => _values;

    /// <summary>A parameter holding <paramref name="value"/>, to write into the text.</summary>
    public string P(object? value)
    {
        _values.Add(value);
        return InsightSql.Parameter(_values.Count - 1);
    }

    public SqlText Add(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>The conversations of <paramref name="filter"/>: started within the period, on its channel and category.</summary>
    public SqlText Where(InsightFilter filter, string alias = "")
    {
        _text.Append(CultureInfo.InvariantCulture, $" WHERE {alias}started >= {P(filter.From.ToUnixTimeMilliseconds())} AND {alias}started < {P(filter.To.ToUnixTimeMilliseconds())}");
        if (filter.Channel is { Length: > 0 } channel)
        {
            _text.Append(CultureInfo.InvariantCulture, $" AND {alias}channel = {P(channel)}");
        }

        if (filter.Category is { Length: > 0 } category)
        {
            _text.Append(CultureInfo.InvariantCulture, $" AND {alias}category = {P(category)}");
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
