using System.ComponentModel.DataAnnotations;

namespace SupportBot.Web.Channels;

/// <summary>The <c>Connector</c> section: sending replies to the channel's Bot Connector.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Time allowed for one attempt.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after the first attempt on 408, 429 and 5xx answers or network errors.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 3;
}
