namespace SupportBot.Web.Channels;

/// <summary>The channel's Bot Connector refused or failed a send after the retries.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(int statusCode, string url)
        : base($"The Bot Connector answered {statusCode} for {new Uri(url).GetLeftPart(UriPartial.Path)}.") => StatusCode = statusCode;

    public ConnectorException()
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; }
}
